package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/report"
	"github.com/citygate/citygate/internal/config"
)

// stdoutPath names standard output explicitly in -o and -f FORMAT=PATH.
const stdoutPath = "-"

// addOutputFlags adds -f and -o. Both record into one list in the order
// typed, so each -o pairs with the -f right before it, wherever it stands.
func addOutputFlags(cmd *cobra.Command) {
	typed := &typedOutputs{}
	f := cmd.Flags()
	f.VarP(&outputFlag{typed: typed, kind: 'f'}, "format", "f",
		"output format: text, json, sarif, junit, github, markdown, html; FORMAT=FILE writes it to FILE (repeatable; at most one format goes to stdout)")
	f.VarP(&outputFlag{typed: typed, kind: 'o'}, "output", "o",
		"write the report of the -f right before it to FILE (\"-\" is stdout); regular files are replaced atomically, devices and FIFOs written through")
}

// typedOutputs is what -f and -o said on the command line, in order.
type typedOutputs struct{ tokens []outputToken }

type outputToken struct {
	kind  byte // 'f' or 'o'
	value string
}

// outputFlag is the pflag.Value of -f or -o.
type outputFlag struct {
	typed *typedOutputs
	kind  byte
}

func (o *outputFlag) Set(s string) error {
	o.typed.tokens = append(o.typed.tokens, outputToken{o.kind, s})
	return nil
}

func (o *outputFlag) String() string {
	var vals []string
	for _, t := range o.typed.tokens {
		if t.kind == o.kind {
			vals = append(vals, t.value)
		}
	}
	return strings.Join(vals, ",")
}

func (o *outputFlag) Type() string {
	if o.kind == 'f' {
		return "FORMAT[=FILE]"
	}
	return "FILE"
}

// output is one requested report: a format and a file ("" = stdout).
type output struct {
	format string
	file   string
}

// outputs resolves which report goes where. Formats typed on the command
// line replace those of the config file and environment entirely (a list
// on the command line never merges with one from the config). Without
// any, the text report goes to stdout.
func outputs(cmd *cobra.Command, cfg config.Config) ([]output, error) {
	outs, err := pairedOutputs(cmd, cfg)
	if err != nil {
		return nil, err
	}
	return outs, checkOutputs(outs)
}

// pairedOutputs pairs formats with files, from the command line when -f
// or -o was typed, else from the config file; text to stdout by default.
func pairedOutputs(cmd *cobra.Command, cfg config.Config) ([]output, error) {
	var outs []output
	var err error
	if fl, ok := cmd.Flags().Lookup("format").Value.(*outputFlag); ok && len(fl.typed.tokens) > 0 {
		outs, err = pairTyped(fl.typed.tokens)
	} else {
		outs, err = pairConfigured(cfg.Format, cfg.Output)
	}
	if err != nil {
		return nil, err
	}
	if len(outs) == 0 {
		outs = []output{{format: "text"}}
	}
	return outs, nil
}

// pairTyped pairs each -o with the -f typed right before it. One -o typed
// before any -f pairs with the first -f (-o FILE -f json), and -o without
// any -f writes the default text format.
func pairTyped(tokens []outputToken) ([]output, error) {
	var outs []output
	paired := []bool{}
	var early []string // -o typed before any -f
	for _, t := range tokens {
		switch t.kind {
		case 'f':
			o, inline := splitFormat(t.value)
			outs = append(outs, o)
			paired = append(paired, inline)
			if len(early) > 0 && !inline {
				outs[len(outs)-1].file, paired[len(paired)-1] = early[0], true
				early = early[1:]
			}
		case 'o':
			switch {
			case len(outs) == 0:
				early = append(early, t.value)
				if len(early) > 1 {
					return nil, fmt.Errorf("-o %s: several -o before any -f; give each -o right after the -f FORMAT it is for", t.value)
				}
			case paired[len(outs)-1]:
				return nil, fmt.Errorf("-o %s follows -f %s, which already has its file; give each -o right after the -f FORMAT it is for (or write -f FORMAT=FILE)", t.value, outs[len(outs)-1].format)
			default:
				outs[len(outs)-1].file, paired[len(outs)-1] = t.value, true
			}
		}
	}
	if len(early) > 0 {
		outs = append(outs, output{format: "text", file: early[0]})
	}
	return normalizeStdout(outs), nil
}

// pairConfigured pairs the config file's (or CITYGATE_FORMAT's) format
// list with its output list by position; a format may also carry its
// file as FORMAT=FILE.
func pairConfigured(formats, files []string) ([]output, error) {
	if len(files) > len(formats) {
		return nil, fmt.Errorf("config: %d output files for %d formats; list one format per output file (or write format: [FORMAT=FILE, ...])", len(files), len(formats))
	}
	var outs []output
	for i, f := range formats {
		o, inline := splitFormat(f)
		if i < len(files) {
			if inline {
				return nil, fmt.Errorf("config: format %q already names its file, and output lists %q for it too", f, files[i])
			}
			o.file = files[i]
		}
		outs = append(outs, o)
	}
	return normalizeStdout(outs), nil
}

// splitFormat reads FORMAT or FORMAT=FILE.
func splitFormat(s string) (output, bool) {
	format, file, inline := strings.Cut(s, "=")
	return output{format: strings.TrimSpace(format), file: file}, inline
}

// normalizeStdout turns "-" and /dev/stdout into "", the one name for
// standard output, so two reports cannot both land there.
func normalizeStdout(outs []output) []output {
	for i := range outs {
		if outs[i].file == stdoutPath || outs[i].file == "/dev/stdout" {
			outs[i].file = ""
		}
	}
	return outs
}

// checkOutputs refuses unknown formats, two reports on stdout (they would
// interleave into something no tool reads) and two reports in one file.
func checkOutputs(outs []output) error {
	var toStdout []string
	files := map[string]string{}
	for _, o := range outs {
		if _, err := report.New(o.format, report.Options{}); err != nil {
			return err
		}
		if o.file == "" {
			toStdout = append(toStdout, o.format)
			continue
		}
		if prev, ok := files[o.file]; ok {
			return fmt.Errorf("-f %s and -f %s both write to %s; give each its own file", prev, o.format, o.file)
		}
		files[o.file] = o.format
	}
	if len(toStdout) > 1 {
		return fmt.Errorf("formats %s all write to standard output; give all but one a file (-f FORMAT -o FILE, or -f FORMAT=FILE)", strings.Join(toStdout, ", "))
	}
	return nil
}

// writeOutputs renders every report; files are replaced atomically, so an
// interrupted run never leaves a truncated report behind. A cancelled ctx
// (SIGINT, SIGTERM) stops a write in progress, whose temporary file is
// then removed. lang is the language of text, markdown and html.
func writeOutputs(ctx context.Context, cmd *cobra.Command, outs []output, res *finding.Result, lang string, opts report.Options) error {
	return writeStreamOutputs(ctx, cmd, outs, report.Whole(res), lang, opts)
}

// writeStreamOutputs is writeOutputs from a stream (a check's spool):
// each report reads the stream in its own passes.
func writeStreamOutputs(ctx context.Context, cmd *cobra.Command, outs []output, res report.Stream, lang string, opts report.Options) error {
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
			if err := report.Write(r, cancellableWriter{ctx, cmd.OutOrStdout()}, res); err != nil {
				return err
			}
			continue
		}
		if err := writeFile(ctx, o.file, func(w io.Writer) error { return report.Write(r, w, res) }); err != nil {
			return fmt.Errorf("writing %s: %w", o.file, err)
		}
	}
	return nil
}

// writeFile writes one report file (atomically when it is a regular file)
// and stops when ctx is cancelled.
func writeFile(ctx context.Context, path string, write func(io.Writer) error) error {
	return report.WriteAtomic(path, report.ReportPerm, func(w io.Writer) error {
		return write(cancellableWriter{ctx, w})
	})
}

// cancellableWriter fails its writes once ctx is done, so a report being
// written when a signal arrives stops there.
type cancellableWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c cancellableWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// colorFor enables colour on a terminal unless NO_COLOR is set.
func colorFor(w io.Writer) bool {
	if _, ok := os.LookupEnv("NO_COLOR"); ok {
		return false
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
