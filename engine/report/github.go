package report

import (
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
	var lines []string
	for _, e := range r.Errors {
		title := e.Summary
		data := e.Detail
		if data == "" {
			data = e.Summary
		}
		lines = append(lines, githubAnnotation("error", e.File, e.Line, e.Column, e.EndLine, e.EndColumn, title, data))
	}
	for _, f := range bySeverity(r.Findings) {
		cmd, ok := githubCommand[f.Severity]
		if !ok {
			cmd = "warning"
		}
		l := f.Location
		lines = append(lines, githubAnnotation(cmd, l.File, l.Start.Line, l.Start.Column, l.End.Line, l.End.Column,
			f.RuleID+" "+f.Title, f.Message))
	}
	left := 0
	if max := g.opts.GitHubMaxAnnotations; max > 0 && len(lines) > max {
		left = len(lines) - max
		lines = lines[:max]
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l)
	}
	if left > 0 {
		b.WriteString(githubAnnotation("notice", "", 0, 0, 0, 0, "citygate",
			fmt.Sprintf("%s not annotated (the first %d, most severe first, are; raise --github-max-annotations to see more). "+
				"The job summary, SARIF and JSON reports list every finding.", plural(left, "more error or finding was", "more errors and findings were"), len(lines))))
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if g.opts.StepSummary == nil {
		return nil
	}
	_, err := io.WriteString(g.opts.StepSummary, stepSummary(r, stepSummaryLimit))
	return err
}

// bySeverity is the unsuppressed findings, most severe first, in report
// order within a severity.
func bySeverity(all []finding.Finding) []*finding.Finding {
	var open []*finding.Finding
	for i := range all {
		if all[i].Suppressed == nil {
			open = append(open, &all[i])
		}
	}
	sort.SliceStable(open, func(i, j int) bool { return open[i].Severity.Rank() > open[j].Severity.Rank() })
	return open
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
	var head strings.Builder
	// The job summary is not translated (like the annotations), but its
	// verdict words are the ones every human format uses.
	c, err := catalogFor("")
	if err != nil {
		return err.Error()
	}
	fmt.Fprintf(&head, "## citygate: %s\n\n%s\n\n", markdownText(verdictWord(c, runVerdictKey(r))), verdictLine(r, c))
	head.WriteString("| Severity | Findings |\n| --- | ---: |\n")
	t := countFindings(r)
	for _, s := range finding.Severities {
		fmt.Fprintf(&head, "| %s | %d |\n", s, t.bySeverity[s])
	}
	fmt.Fprintf(&head, "| suppressed | %d |\n", t.suppressed)
	head.WriteString(inventoryTable(r, c))

	type section struct {
		heading string
		rows    []string
	}
	var sections []section
	if len(r.Errors) > 0 {
		s := section{heading: "\n### Errors\n\n| Location | Error |\n| --- | --- |\n"}
		for _, e := range r.Errors {
			msg := e.Summary
			if e.Detail != "" {
				msg += ": " + e.Detail
			}
			s.rows = append(s.rows, fmt.Sprintf("| %s | %s |\n",
				markdownText(locationString(e.File, e.Line, e.Column)), markdownText(truncateRunes(msg, 500))))
		}
		sections = append(sections, s)
	}
	findings := section{heading: "\n### Findings\n\n| Rule | Severity | Resource | Location | Message |\n| --- | --- | --- | --- | --- |\n"}
	for i := range r.Findings {
		f := &r.Findings[i]
		if f.Suppressed != nil {
			continue
		}
		l := f.Location
		findings.rows = append(findings.rows, fmt.Sprintf("| %s %s | %s | %s | %s | %s |\n",
			markdownText(f.RuleID), markdownText(truncateRunes(f.Title, 200)), markdownText(string(f.Severity)),
			markdownText(truncateRunes(f.Resource.String(), 200)),
			markdownText(truncateRunes(locationString(l.File, l.Start.Line, l.Start.Column), 300)),
			markdownText(truncateRunes(f.Message, 500))))
	}
	if len(findings.rows) > 0 {
		sections = append(sections, findings)
	}

	const reserve = 512 // room for the closing note
	var b strings.Builder
	b.WriteString(head.String())
	left := 0
	for _, s := range sections {
		if left > 0 || b.Len()+len(s.heading)+reserve > limit {
			left += len(s.rows)
			continue
		}
		b.WriteString(s.heading)
		for i, row := range s.rows {
			if b.Len()+len(row)+reserve > limit {
				left += len(s.rows) - i
				break
			}
			b.WriteString(row)
		}
	}
	if left > 0 {
		fmt.Fprintf(&b, "\n_%s left out to keep this summary under GitHub's 1 MiB limit; the SARIF or JSON report has every finding._\n",
			plural(left, "row was", "rows were"))
	}
	return b.String()
}

// inventoryTable is one row per inventory when a run checked several:
// its verdict and open findings by severity.
func inventoryTable(r *finding.Result, c *i18n.Catalog) string {
	if len(r.Inventories) < 2 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n### Inventories\n\n| Inventory | Verdict |")
	for _, s := range finding.Severities {
		fmt.Fprintf(&b, " %s |", s)
	}
	b.WriteString("\n| --- | --- |" + strings.Repeat(" ---: |", len(finding.Severities)) + "\n")
	for _, v := range inventoryVerdicts(r, c) {
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
	idx := map[string]int{}
	out := make([]inventoryVerdict, len(r.Inventories))
	for i, inv := range r.Inventories {
		idx[inv.Path] = i
		out[i] = inventoryVerdict{path: inv.Path, verdict: inventoryWord(c, r, inv), bySeverity: map[finding.Severity]int{}}
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		if j, ok := idx[f.Inventory]; ok && f.Suppressed == nil {
			out[j].bySeverity[f.Severity]++
		}
	}
	return out
}
