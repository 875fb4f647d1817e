package report

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/i18n"
)

func init() {
	register("text", func(o Options) Reporter { return textReporter{opts: o} })
}

// textReporter prints findings the way compilers print errors, so editors
// and terminals turn "file:line:col:" into links, and load errors the way
// Terraform prints diagnostics, which is what the inventory language's
// users already read every day.
type textReporter struct {
	opts Options
	// lang is the header's language (Localize); "" is English.
	lang string
}

const (
	ansiReset = "\x1b[0m"
	ansiBold  = "\x1b[1m"
	ansiDim   = "\x1b[2m"
	ansiRed   = "\x1b[1;31m"
)

var severityColor = map[finding.Severity]string{
	finding.Critical: "\x1b[1;35m",
	finding.High:     "\x1b[1;31m",
	finding.Medium:   "\x1b[33m",
	finding.Low:      "\x1b[36m",
}

func (t textReporter) paint(code, s string) string {
	if !t.opts.Color || code == "" {
		return s
	}
	return code + s + ansiReset
}

func (t textReporter) Report(w io.Writer, r *finding.Result) error {
	return t.ReportStream(w, Whole(r))
}

// ReportStream writes the report from a stream, one file's findings at a
// time: the header and errors from the head, the findings in one pass,
// then the counts and the summary line from the tally.
func (t textReporter) ReportStream(w io.Writer, s Stream) error {
	if t.opts.Compact {
		return t.compactText(w, s)
	}
	c, err := catalogFor(t.lang)
	if err != nil {
		return err
	}
	r, tl := s.Head(), s.Tally()
	out := &lineWriter{w: w}
	b := &out.b
	writeTextHeader(b, r, c)
	if t.opts.PrintErrors != nil {
		t.opts.PrintErrors(b, r.Errors)
	} else {
		for i := range r.Errors {
			t.writeError(b, &r.Errors[i], c)
		}
	}
	if err := eachFileGroup(s, func(group []*finding.Finding) error {
		for _, f := range group {
			if f.Suppressed != nil && !t.opts.ShowSuppressed {
				continue
			}
			t.writeFinding(b, f, c)
		}
		return out.flush()
	}); err != nil {
		return err
	}
	t.writeCounts(b, r, tl, c)
	t.writeSummary(b, r, tl, c)
	return out.close()
}

// lineWriter writes a report built piece by piece, whole lines at a
// time with their trailing blanks trimmed (trimLineEnds), so a streamed
// report has the bytes one built in memory would.
type lineWriter struct {
	w io.Writer
	b strings.Builder
}

// flush writes the complete lines built so far.
func (l *lineWriter) flush() error {
	s := l.b.String()
	i := strings.LastIndexByte(s, '\n')
	if i < 0 {
		return nil
	}
	if _, err := io.WriteString(l.w, trimLineEnds(s[:i+1])); err != nil {
		return err
	}
	l.b.Reset()
	l.b.WriteString(s[i+1:])
	return nil
}

// close writes what is left.
func (l *lineWriter) close() error {
	_, err := io.WriteString(l.w, trimLineEnds(l.b.String()))
	l.b.Reset()
	return err
}

// eachFileGroup calls fn with each file's findings in groupByFile's
// order. A stream in report order has each file's findings together, so
// one file's are held at a time; a whole result is grouped as it is.
func eachFileGroup(s Stream, fn func([]*finding.Finding) error) error {
	if wh, ok := s.(*whole); ok {
		all := groupByFile(wh.r.Findings)
		for i := 0; i < len(all); {
			j := i + 1
			for j < len(all) && all[j].Location.File == all[i].Location.File {
				j++
			}
			if err := fn(all[i:j]); err != nil {
				return err
			}
			i = j
		}
		return nil
	}
	var group []finding.Finding
	emit := func() error {
		if len(group) == 0 {
			return nil
		}
		err := fn(groupByFile(group))
		group = group[:0]
		return err
	}
	if err := s.Findings(func(f *finding.Finding) error {
		if len(group) > 0 && group[0].Location.File != f.Location.File {
			if err := emit(); err != nil {
				return err
			}
		}
		group = append(group, *f)
		return nil
	}); err != nil {
		return err
	}
	return emit()
}

// groupByFile lists files in order of first appearance and, within a
// file, the most severe findings first, then by rule id and line, so a
// reader meets what matters first and a rule's findings together.
func groupByFile(fs []finding.Finding) []*finding.Finding {
	var files []string
	byFile := map[string][]*finding.Finding{}
	for i := range fs {
		file := fs[i].Location.File
		if _, ok := byFile[file]; !ok {
			files = append(files, file)
		}
		byFile[file] = append(byFile[file], &fs[i])
	}
	out := make([]*finding.Finding, 0, len(fs))
	for _, file := range files {
		group := byFile[file]
		sort.SliceStable(group, func(i, j int) bool {
			a, b := group[i], group[j]
			if a.Severity.Rank() != b.Severity.Rank() {
				return a.Severity.Rank() > b.Severity.Rank()
			}
			if a.RuleID != b.RuleID {
				return a.RuleID < b.RuleID
			}
			return finding.Less(a, b)
		})
		out = append(out, group...)
	}
	return out
}

func (t textReporter) writeError(b *strings.Builder, e *finding.Error, c *i18n.Catalog) {
	fmt.Fprintf(b, "%s %s\n\n", t.paint(ansiRed, c.T("text.error")), t.paint(ansiBold, oneLine(e.Summary)))
	switch {
	case e.File != "" && e.Line > 0:
		fmt.Fprintf(b, "  %s\n\n", c.T("text.on_line", "file", oneLine(e.File), "line", strconv.Itoa(e.Line)))
	case e.File != "":
		fmt.Fprintf(b, "  %s\n\n", c.T("text.in_file", "file", oneLine(e.File)))
	case e.Inventory != "":
		fmt.Fprintf(b, "  %s\n\n", c.T("text.in_inventory", "inventory", oneLine(e.Inventory)))
	}
	if e.Detail != "" {
		b.WriteString(multiLine(e.Detail))
		b.WriteString("\n\n")
	}
}

func (t textReporter) writeFinding(b *strings.Builder, f *finding.Finding, c *i18n.Catalog) {
	loc := f.Location
	if loc.File != "" {
		b.WriteString(oneLine(locationString(loc.File, loc.Start.Line, loc.Start.Column)))
		b.WriteString(": ")
	}
	fmt.Fprintf(b, "%s %s %s", t.paint(severityColor[f.Severity], oneLine(severityWord(c, f.Severity))),
		t.paint(ansiBold, oneLine(f.RuleID)), oneLine(f.Title))
	if f.Suppressed != nil {
		_, reason := suppressionNote(f.Suppressed)
		label := suppressionLabel(c, f.Suppressed)
		if reason != "" {
			label += ": " + oneLine(reason)
		}
		b.WriteString(" " + t.paint(ansiDim, "("+label+")"))
	}
	b.WriteString("\n")
	fmt.Fprintf(b, "  %s\n", oneLine(f.Message))
	t.writeSnippet(b, f)
	if f.Remediation != "" {
		fix := "  " + c.T("text.fix") + " "
		b.WriteString(fix)
		b.WriteString(strings.ReplaceAll(multiLine(f.Remediation), "\n", "\n"+strings.Repeat(" ", utf8.RuneCountInString(fix))))
		b.WriteString("\n")
	}
	b.WriteString("\n")
}

// writeSnippet shows the first line of the range with a caret underline.
// Each character (grapheme cluster, as hcl counts columns) is escaped on
// its own, so the carets stay under what they point at even when the line
// holds escapes; tabs are copied into the underline for the same reason.
func (t textReporter) writeSnippet(b *strings.Builder, f *finding.Finding) {
	loc := f.Location
	if len(f.SourceLines) == 0 || loc.Start.Line <= 0 {
		return
	}
	chars := graphemes(strings.TrimSuffix(f.SourceLines[0], "\r"))
	shown := make([]string, len(chars))
	for i, c := range chars {
		shown[i] = escapeControls(c, false)
		if c == "[" && i >= 2 && chars[i-1] == "#" && chars[i-2] == "#" {
			shown[i] = `\[` // see neutralizeCommands
		}
	}
	start, end := max(loc.Start.Column, 1), loc.End.Column
	if loc.End.Line != loc.Start.Line {
		end = len(chars) + 1
	}
	end = max(end, start+1)

	var under strings.Builder
	for i := 0; i < start-1; i++ {
		switch {
		case i >= len(chars):
			under.WriteByte(' ')
		case chars[i] == "\t":
			under.WriteByte('\t')
		default:
			under.WriteString(strings.Repeat(" ", utf8.RuneCountInString(shown[i])))
		}
	}
	carets := 0
	for i := start - 1; i < end-1; i++ {
		if i < len(chars) && chars[i] != "\t" {
			carets += utf8.RuneCountInString(shown[i])
		} else {
			carets++
		}
	}
	under.WriteString(t.paint(severityColor[f.Severity], strings.Repeat("^", carets)))

	num := strconv.Itoa(loc.Start.Line)
	width := max(3, len(num))
	fmt.Fprintf(b, "  %*s | %s\n", width, num, strings.Join(shown, ""))
	fmt.Fprintf(b, "  %*s | %s\n", width, "", under.String())
}

// writeCounts lists, per principle (or area), how many rules passed,
// failed, were not stated, waived or not applicable, counted per
// inventory; an inventory that did not load adds nothing.
func (t textReporter) writeCounts(b *strings.Builder, r *finding.Result, tl *Tally, c *i18n.Catalog) {
	if len(tl.RuleCounts) == 0 {
		return
	}
	g := groupingOf(t.opts)
	fmt.Fprintf(b, "%s\n", c.T("text.counts_heading", "group", g.title(c)))
	for _, gc := range g.countsOfIn(tl, c) {
		if gc.Total() == 0 {
			continue
		}
		fmt.Fprintf(b, "  %s: %s\n", oneLine(gc.Name), countWords(c, gc.StatusCounts))
	}
	if len(r.Inventories) > 1 {
		b.WriteString(c.T("header.inventories") + ":\n")
		for _, inv := range r.Inventories {
			fmt.Fprintf(b, "  %s: %s", oneLine(inv.Path), oneLine(inventoryWord(c, r, inv)))
			if inv.Loaded {
				fmt.Fprintf(b, " (%s)", countWords(c, inv.Counts))
			}
			b.WriteString("\n")
		}
	}
	b.WriteString("\n")
}

// writeSummary is the one summary line; compact output ends with it
// alone, without the per-principle counts.
// writeTextHeader opens the report with whose it is (city, tender,
// vendors), when and by which citygate it was judged, the config's rule
// overrides, and its verdict, so a reader meets the answer before the
// findings that explain it. Labels are in the report's language.
func writeTextHeader(b *strings.Builder, r *finding.Result, c *i18n.Catalog) {
	h := headerOf(r, c)
	b.WriteString(oneLine(h.Title) + "\n")
	for _, f := range h.facts(c) {
		fmt.Fprintf(b, "%s: %s\n", oneLine(f.Label), oneLine(f.Value))
	}
	fmt.Fprintf(b, "%s: %s\n\n", oneLine(c.T("verdict.heading")), oneLine(verdictWord(c, runVerdictKey(r))))
}

func (t textReporter) writeSummary(b *strings.Builder, r *finding.Result, tl *Tally, c *i18n.Catalog) {
	b.WriteString(c.T("text.summary", "findings", findingCountsOf(tl, c),
		"inventories", c.N("summary.inventories", r.Summary.Inventories),
		"rules", c.N("summary.rules", r.Summary.Rules), "level", failOnWord(r, c)))
	if len(r.Errors) > 0 {
		b.WriteString(c.Raw("summary.clause_sep") + c.N("summary.errors", len(r.Errors)))
	}
	b.WriteString("\n")
}

// trimLineEnds drops trailing blanks, which come from empty snippet lines
// and untrusted strings that end in spaces, and which diff tools flag.
func trimLineEnds(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Join(lines, "\n")
}
