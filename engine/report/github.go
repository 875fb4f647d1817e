package report

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/i18n"
)

func init() {
	register("github", func(o Options) Reporter { return githubReporter{opts: o} })
}

// githubReporter prints GitHub Actions workflow commands, which the runner
// turns into annotations on the pull request's diff, and optionally a job
// summary. Every line it prints is one of its own commands: untrusted text
// only ever lands in a command's escaped properties or data.
type githubReporter struct{ opts Options }

var githubCommand = map[finding.Severity]string{
	finding.Critical: "error", finding.High: "error", finding.Medium: "warning", finding.Low: "notice",
}

// stepSummaryLimit is GitHub's cap on one step's job summary.
const stepSummaryLimit = 1 << 20

// DefaultGitHubAnnotations is how many workflow annotations -f github
// prints unless told otherwise: GitHub shows only the first few of each
// kind per step (and 50 per job), so the most severe go first.
const DefaultGitHubAnnotations = 50

func (g githubReporter) Report(w io.Writer, r *finding.Result) error {
	return g.ReportStream(w, Whole(r))
}

// errStop ends a pass early.
var errStop = errors.New("stop")

// ReportStream writes the annotations from a stream: errors, then one
// pass per severity, most severe first, stopping at the cap; the job
// summary in one more pass.
func (g githubReporter) ReportStream(w io.Writer, s Stream) error {
	r, tl := s.Head(), s.Tally()
	total := len(r.Errors) + tl.open()
	room := total
	if max := g.opts.GitHubMaxAnnotations; max > 0 && total > max {
		room = max
	}
	written := 0
	put := func(line string) error {
		written++
		_, err := io.WriteString(w, line)
		return err
	}
	for _, e := range r.Errors {
		if written == room {
			break
		}
		title := e.Summary
		data := e.Detail
		if data == "" {
			data = e.Summary
		}
		if err := put(githubAnnotation("error", e.File, e.Line, e.Column, e.EndLine, e.EndColumn, title, data)); err != nil {
			return err
		}
	}
	for _, rank := range openRanks(tl) {
		if written == room {
			break
		}
		err := s.Findings(func(f *finding.Finding) error {
			if f.Suppressed != nil || f.Severity.Rank() != rank {
				return nil
			}
			if written == room {
				return errStop
			}
			cmd, ok := githubCommand[f.Severity]
			if !ok {
				cmd = "warning"
			}
			l := f.Location
			return put(githubAnnotation(cmd, l.File, l.Start.Line, l.Start.Column, l.End.Line, l.End.Column,
				f.RuleID+" "+f.Title, f.Message))
		})
		if err != nil && err != errStop {
			return err
		}
	}
	if left := total - written; left > 0 {
		if _, err := io.WriteString(w, githubAnnotation("notice", "", 0, 0, 0, 0, "citygate",
			fmt.Sprintf("%s not annotated (the first %d, most severe first, are; raise --github-max-annotations to see more). "+
				"The job summary, SARIF and JSON reports list every finding.", plural(left, "more error or finding was", "more errors and findings were"), written))); err != nil {
			return err
		}
	}
	if g.opts.StepSummary == nil {
		return nil
	}
	sum, err := stepSummaryOf(s, stepSummaryLimit)
	if err != nil {
		return err
	}
	_, err = io.WriteString(g.opts.StepSummary, sum)
	return err
}

// openRanks are the severity ranks of open findings, most severe first.
func openRanks(t *Tally) []int {
	seen := map[int]bool{}
	var ranks []int
	for sev, n := range t.Open {
		if r := sev.Rank(); n > 0 && !seen[r] {
			seen[r] = true
			ranks = append(ranks, r)
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(ranks)))
	return ranks
}

// githubAnnotation builds one "::cmd props::data" line; zero numbers and an
// empty file are left out, as GitHub then annotates the run instead.
func githubAnnotation(cmd, file string, line, col, endLine, endCol int, title, data string) string {
	var props []string
	add := func(k, v string) { props = append(props, k+"="+githubProperty(v)) }
	addInt := func(k string, v int) {
		if v > 0 {
			add(k, strconv.Itoa(v))
		}
	}
	if file != "" {
		add("file", file)
		addInt("line", line)
		addInt("col", col)
		addInt("endLine", endLine)
		addInt("endColumn", endCol)
	}
	add("title", title)
	return "::" + cmd + " " + strings.Join(props, ",") + "::" + githubData(data) + "\n"
}

// githubData escapes a command's data the way @actions/core does; the
// shared sanitizing runs first so no control character survives, and a
// line break becomes %0A, which GitHub shows as a line break inside the
// annotation while the command stays on one line. The legacy "##[" prefix
// is broken up as everywhere else.
func githubData(s string) string {
	s = escapeControls(s, true)
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", "##[", `##\[`).Replace(s)
}

// githubProperty escapes a property value as @actions/core does, which also
// covers ":" and "," since they delimit properties and data.
func githubProperty(s string) string {
	s = escapeControls(s, false)
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C", "##[", `##\[`).Replace(s)
}

// stepSummary is the job summary in markdown: the verdict, counts by
// severity, then errors and unsuppressed findings as rows until the next
// row would take the summary past limit, then a line saying how many rows
// were left out. Long messages are cut so one finding cannot fill it.
func stepSummary(r *finding.Result, limit int) string {
	out, _ := stepSummaryOf(Whole(r), limit)
	return out
}

// stepSummaryOf is stepSummary from a stream: the rows of findings are
// made in one pass until the limit, then only counted.
func stepSummaryOf(st Stream, limit int) (string, error) {
	r, tl := st.Head(), st.Tally()
	// The job summary is not translated (like the annotations), but its
	// verdict words are the ones every human format uses.
	c, err := catalogFor("")
	if err != nil {
		return "", err
	}
	var head strings.Builder
	fmt.Fprintf(&head, "## citygate: %s\n\n%s\n\n", markdownText(verdictWord(c, runVerdictKey(r))), verdictLineOf(r, tl, c))
	head.WriteString("| Severity | Findings |\n| --- | ---: |\n")
	for _, s := range finding.Severities {
		fmt.Fprintf(&head, "| %s | %d |\n", s, tl.Open[s])
	}
	fmt.Fprintf(&head, "| suppressed | %d |\n", tl.suppressed())
	head.WriteString(inventoryTableOf(r, tl, c))

	const reserve = 512 // room for the closing note
	var b strings.Builder
	b.WriteString(head.String())
	left := 0
	if len(r.Errors) > 0 {
		heading := "\n### Errors\n\n| Location | Error |\n| --- | --- |\n"
		if b.Len()+len(heading)+reserve > limit {
			left += len(r.Errors)
		} else {
			b.WriteString(heading)
			for i, e := range r.Errors {
				msg := e.Summary
				if e.Detail != "" {
					msg += ": " + e.Detail
				}
				row := fmt.Sprintf("| %s | %s |\n",
					markdownText(locationString(e.File, e.Line, e.Column)), markdownText(truncateRunes(msg, 500)))
				if b.Len()+len(row)+reserve > limit {
					left += len(r.Errors) - i
					break
				}
				b.WriteString(row)
			}
		}
	}
	if open := tl.open(); open > 0 {
		heading := "\n### Findings\n\n| Rule | Severity | Resource | Location | Message |\n| --- | --- | --- | --- | --- |\n"
		if left > 0 || b.Len()+len(heading)+reserve > limit {
			left += open
		} else {
			b.WriteString(heading)
			full := false
			if err := st.Findings(func(f *finding.Finding) error {
				if f.Suppressed != nil {
					return nil
				}
				if full {
					left++
					return nil
				}
				l := f.Location
				row := fmt.Sprintf("| %s %s | %s | %s | %s | %s |\n",
					markdownText(f.RuleID), markdownText(truncateRunes(f.Title, 200)), markdownText(string(f.Severity)),
					markdownText(truncateRunes(f.Resource.String(), 200)),
					markdownText(truncateRunes(locationString(l.File, l.Start.Line, l.Start.Column), 300)),
					markdownText(truncateRunes(f.Message, 500)))
				if b.Len()+len(row)+reserve > limit {
					full = true
					left++
					return nil
				}
				b.WriteString(row)
				return nil
			}); err != nil {
				return "", err
			}
		}
	}
	if left > 0 {
		fmt.Fprintf(&b, "\n_%s left out to keep this summary under GitHub's 1 MiB limit; the SARIF or JSON report has every finding._\n",
			plural(left, "row was", "rows were"))
	}
	return b.String(), nil
}

// inventoryTable is one row per inventory when a run checked several:
// its verdict and open findings by severity.
func inventoryTableOf(r *finding.Result, tl *Tally, c *i18n.Catalog) string {
	if len(r.Inventories) < 2 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n### Inventories\n\n| Inventory | Verdict |")
	for _, s := range finding.Severities {
		fmt.Fprintf(&b, " %s |", s)
	}
	b.WriteString("\n| --- | --- |" + strings.Repeat(" ---: |", len(finding.Severities)) + "\n")
	for _, v := range inventoryVerdictsOf(r, tl, c) {
		fmt.Fprintf(&b, "| %s | %s |", markdownText(truncateRunes(v.path, 300)), v.verdict)
		for _, s := range finding.Severities {
			fmt.Fprintf(&b, " %d |", v.bySeverity[s])
		}
		b.WriteString("\n")
	}
	return b.String()
}

// inventoryVerdict is one inventory's share of a run.
type inventoryVerdict struct {
	path, verdict string
	bySeverity    map[finding.Severity]int
}

// inventoryVerdicts is each inventory's verdict, in the run's order, in
// the words of every other format (inventoryWord), with its open findings
// by severity.
func inventoryVerdicts(r *finding.Result, c *i18n.Catalog) []inventoryVerdict {
	return inventoryVerdictsOf(r, Whole(r).Tally(), c)
}

// inventoryVerdictsOf is inventoryVerdicts from the tally's counts per
// inventory (a path listed twice gets them on its last entry); the
// verdicts are the inventories' own statuses.
func inventoryVerdictsOf(r *finding.Result, tl *Tally, c *i18n.Catalog) []inventoryVerdict {
	idx := map[string]int{}
	out := make([]inventoryVerdict, len(r.Inventories))
	for i, inv := range r.Inventories {
		idx[inv.Path] = i
		out[i] = inventoryVerdict{path: inv.Path, verdict: inventoryWord(c, r, inv), bySeverity: map[finding.Severity]int{}}
	}
	for path, counts := range tl.ByInventory {
		j, ok := idx[path]
		if !ok {
			continue
		}
		for sev, n := range counts {
			out[j].bySeverity[sev] += n
		}
	}
	return out
}
