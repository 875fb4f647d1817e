package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/report"
	"github.com/citygate/citygate/engine/tender"
	"github.com/citygate/citygate/internal/config"
)

func newTenderCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "tender",
		Short: "Judge vendor bids against a call for tenders",
	}
	cmd.AddCommand(newTenderCheckCmd())
	return cmd
}

func newTenderCheckCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "check TENDER BID...",
		Short: "Judge each bid, in the city's context, and compare them",
		Long: `tender check reads the TENDER file (and the city inventory it names) and
judges every BID (a file or directory of system blocks) independently and in
parallel, as untrusted input in the city's read-only context. Each bid gets a
verdict: eligible, not eligible, or incomplete (it could not be judged).

Exit codes: 0 every bid eligible; 1 some bid not eligible; 2 some bid
incomplete or the tender invalid (every bid that could be judged is still
reported).`,
		Example: `  citygate tender check fixtures/tender/tender.hcl fixtures/tender/bids/*
  citygate tender check tender.hcl bids/* -f markdown=committee.md -f csv=matrix.csv
  citygate tender check tender.hcl bids/* -f html=report.html --lang fr`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) < 2 {
				return errors.New("tender check needs the tender file and at least one bid: citygate tender check TENDER BID...")
			}
			return nil
		},
		RunE: runTenderCheck,
	}
	addTenderFlags(cmd)
	addLangFlag(cmd) // check has its own; check --tender shares it
	return cmd
}

// addTenderFlags are the flags tender check and check --tender share.
func addTenderFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	addPolicyFlags(cmd)
	addOutputFlags(cmd) // formats: text, json, markdown, csv, html (the tender report) or sarif, junit, github (the bids as findings)
	f.String("as-of", "", "evaluation date YYYY-MM-DD (default: the tender's as_of, else today)")
	f.Duration("timeout", engine.DefaultTimeout, "deadline for evaluating one bid")
	f.Int("parallel", 0, "bids evaluated at once (default: number of CPUs)")
}

func runTenderCheck(cmd *cobra.Command, args []string) error {
	return judge(cmd, args[0], args[1:])
}

// checkAsBid is check --tender: the vendor's self-check, which runs the
// very tender check the city runs, on the vendor's bid alone (a bid's
// result never depends on the other bids).
func checkAsBid(cmd *cobra.Command, tenderPath string, bids []string) error {
	if len(bids) == 0 {
		bids = []string{"."}
	}
	return judge(cmd, tenderPath, bids)
}

// judge runs a tender check and writes its report in every format asked.
func judge(cmd *cobra.Command, tenderPath string, bids []string) error {
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	outs, err := tenderOutputs(cmd, cfg)
	if err != nil {
		return err
	}
	if err := checkLang(reportLang(cfg.Lang, "")); err != nil {
		return err
	}
	lib, err := loadPolicies(cmd, cfg)
	if err != nil {
		return err
	}
	// The city and the bids are read in the language the rules were
	// compiled against: with the packs' extension blocks.
	language, err := inventory.ExtendedSchema(lib.InventorySchema())
	if err != nil {
		return err
	}
	t, diags := tender.LoadIn(inventory.OS{}, tenderPath, cfg.Limits, language)
	if diags.HasErrors() {
		var out bytes.Buffer
		newDiagPrinter(&out, sourceFiles(t.Files())).writeAll(diags)
		fmt.Fprintf(&out, "The tender %s is invalid; no bid was judged.\n", tenderPath)
		io.WriteString(cmd.ErrOrStderr(), report.SafeText(out.String()))
		return exitCode(exitError)
	}
	lang := reportLang(cfg.Lang, t.Lang)
	rep, err := tender.Check(cmd.Context(), lib, t, bids, tender.Options{
		Limits:   cfg.Limits,
		AsOf:     cfg.AsOf,
		Parallel: cfg.Parallel,
		Engine: []engine.Option{
			engine.WithTimeout(cfg.Timeout),
			engine.WithParallel(cfg.Parallel),
			engine.WithDebug(debugFlag(cmd)),
			engine.WithPrint(debugPrint(cmd)),
		},
	})
	if err != nil {
		return err
	}
	for _, o := range outs {
		write := func(w io.Writer) error { return report.WriteTenderLang(w, o.format, rep, lang) }
		if !slices.Contains(report.TenderFormats, o.format) {
			// sarif, junit, github: the bids as a findings document.
			r, err := report.New(o.format, report.Options{})
			if err != nil {
				return err
			}
			write = func(w io.Writer) error { return r.Report(w, rep.AsResult()) }
		}
		if o.file == "" {
			err = write(cmd.OutOrStdout())
		} else {
			err = writeFile(cmd.Context(), o.file, write)
		}
		if err != nil {
			return err
		}
	}
	if code := rep.ExitCode(); code != exitOK {
		return exitCode(code)
	}
	return nil
}

// tenderFormats are the tender report's formats, then the check formats
// that carry the bids as a findings document (sarif, junit, github).
func tenderFormats() []string {
	out := append([]string(nil), report.TenderFormats...)
	for _, f := range report.Formats() {
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// tenderOutputs are check's outputs (-f FORMAT[=FILE], each -o paired
// with the -f before it, at most one to stdout) in the tender's formats.
func tenderOutputs(cmd *cobra.Command, cfg config.Config) ([]output, error) {
	outs, err := pairedOutputs(cmd, cfg)
	if err != nil {
		return nil, err
	}
	stdout := 0
	for _, o := range outs {
		if !slices.Contains(tenderFormats(), o.format) {
			return nil, fmt.Errorf("unknown format %q for a tender check: want %s", o.format, strings.Join(tenderFormats(), ", "))
		}
		if o.file == "" {
			stdout++
		}
	}
	if stdout > 1 {
		return nil, fmt.Errorf("%d formats to standard output: give all but one a file, as -f FORMAT=PATH", stdout)
	}
	return outs, nil
}
