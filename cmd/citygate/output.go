package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/report"
	"github.com/citygate/citygate/internal/config"
)

func addOutputFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringArrayP("format", "f", nil, "output format: text, json, sarif, junit, github, markdown, html (repeatable, paired with -o)")
	f.StringArrayP("output", "o", nil, "write the report to FILE atomically instead of stdout (repeatable, one per -f)")
}

// output is one requested report: a format and a file ("" = stdout).
type output struct {
	format string
	file   string
}

// outputs pairs -f and -o: one format to stdout, or one file per format,
// so CI gets every report from a single evaluation.
func outputs(cfg config.Config) ([]output, error) {
	formats, files := cfg.Format, cfg.Output
	if len(formats) == 0 {
		formats = []string{"text"}
	}
	for _, f := range formats {
		if _, err := report.New(f, report.Options{}); err != nil {
			return nil, err
		}
	}
	switch {
	case len(files) == 0 && len(formats) == 1:
		return []output{{format: formats[0]}}, nil
	case len(files) == 1 && len(formats) == 1:
		return []output{{format: formats[0], file: files[0]}}, nil
	case len(files) == len(formats):
		out := make([]output, len(formats))
		for i := range formats {
			out[i] = output{format: formats[i], file: files[i]}
		}
		return out, nil
	case len(files) == len(formats)-1:
		// -f text -f sarif -o x.sarif: the unpaired first format goes to stdout.
		out := []output{{format: formats[0]}}
		for i, f := range files {
			out = append(out, output{format: formats[i+1], file: f})
		}
		return out, nil
	}
	return nil, fmt.Errorf("%d formats and %d output files: give one -o FILE per -f FORMAT (at most one format goes to stdout, listed first)", len(formats), len(files))
}

// writeOutputs renders every report; files are replaced atomically, so an
// interrupted run never leaves a truncated report behind.
func writeOutputs(cmd *cobra.Command, outs []output, res *finding.Result, lang string, opts report.Options) error {
	for _, o := range outs {
		ropts := opts
		if o.file != "" {
			ropts.Color = false
		}
		if o.format == "github" {
			sf, err := stepSummary()
			if err != nil {
				return err
			}
			if sf != nil {
				defer sf.Close()
				ropts.StepSummary = sf
			}
		}
		r, err := report.New(o.format, ropts)
		if err != nil {
			return err
		}
		if r, err = localizeReporter(r, lang); err != nil {
			return err
		}
		if o.file == "" {
			if err := r.Report(cmd.OutOrStdout(), res); err != nil {
				return err
			}
			continue
		}
		if err := report.WriteAtomic(o.file, report.ReportPerm, func(w io.Writer) error { return r.Report(w, res) }); err != nil {
			return fmt.Errorf("writing %s: %w", o.file, err)
		}
	}
	return nil
}

// colorFor enables colour on a terminal unless NO_COLOR is set.
func colorFor(w io.Writer) bool {
	if _, ok := os.LookupEnv("NO_COLOR"); ok {
		return false
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// readBaseline reads the fingerprints of a previous JSON result.
func readBaseline(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	var doc struct {
		SchemaVersion string `json:"schema_version"`
		Findings      []struct {
			Fingerprint string `json:"fingerprint"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("baseline %s is not a citygate JSON result: %w", path, err)
	}
	// Version 1 documents carry the same fingerprints.
	if doc.SchemaVersion != finding.SchemaVersion && doc.SchemaVersion != "1" {
		return nil, fmt.Errorf("baseline %s has schema_version %q; want %q (write one with citygate check -f json)", path, doc.SchemaVersion, finding.SchemaVersion)
	}
	fps := make(map[string]bool, len(doc.Findings))
	for _, f := range doc.Findings {
		fps[f.Fingerprint] = true
	}
	return fps, nil
}
