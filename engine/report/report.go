package report

import (
	"fmt"
	"io"
	"sort"

	"github.com/citygate/citygate/engine/finding"
)

// Reporter writes one Result in one format.
type Reporter interface {
	Report(w io.Writer, r *finding.Result) error
}

// Options tune reporters; each format reads the fields that concern it.
type Options struct {
	// Color enables ANSI colour in the text format (TTY and no NO_COLOR).
	Color bool
	// ShowSuppressed lists waived and baselined findings in text output.
	ShowSuppressed bool
	// SARIFOmitSuppressed leaves suppressed results out of SARIF, for
	// GitHub code scanning, which ignores SARIF suppressions.
	SARIFOmitSuppressed bool
	// SARIFMaxResults caps SARIF results (GitHub takes 25,000 a run);
	// 0 means the default cap.
	SARIFMaxResults int
	// GroupBy is how text and markdown group rule counts and findings:
	// GroupByPrinciple (the Alliance's five principles, the default) or
	// GroupByArea (the library's topical areas).
	GroupBy string
	// Compact makes the text format one line per finding, without
	// snippets or grouping (compact.go).
	Compact bool
	// GitHubMaxAnnotations caps the github format's workflow commands,
	// most severe first; 0 means no cap (the CLI defaults to
	// DefaultGitHubAnnotations).
	GitHubMaxAnnotations int
	// PrintErrors, when not nil, prints the run's errors in the text
	// format (the CLI prints load errors with source snippets, as validate
	// does); it must escape what it prints.
	PrintErrors func(w io.Writer, errs []finding.Error)
	// StepSummary, when not nil, receives the github format's markdown
	// job summary (the CLI opens $GITHUB_STEP_SUMMARY for appending).
	StepSummary io.Writer
}

// The GroupBy values.
const (
	GroupByPrinciple = "principle"
	GroupByArea      = "area"
)

// GroupBys lists the GroupBy values, the default first.
var GroupBys = []string{GroupByPrinciple, GroupByArea}

type constructor func(Options) Reporter

var formats = map[string]constructor{}

// register is called from each format's file.
func register(name string, c constructor) { formats[name] = c }

// New returns the reporter for a format name.
func New(format string, opts Options) (Reporter, error) {
	c, ok := formats[format]
	if !ok {
		return nil, fmt.Errorf("unknown output format %q: want one of %v", format, Formats())
	}
	return c(opts), nil
}

// Formats lists the format names in sorted order.
func Formats() []string {
	names := make([]string, 0, len(formats))
	for n := range formats {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
