package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/report"
)

func newBaselineCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "baseline [PATH...] -o FILE",
		Short: "Record today's findings so that a gate fails only on new ones",
		Long: `baseline checks the inventories and writes the JSON result to FILE. Later,
citygate check --baseline FILE suppresses every finding whose fingerprint FILE
holds (fingerprints survive moved lines and reordered files, and change when
the rule, resource or field changes), so only new problems fail the gate.
Exit 0 when written, 2 when an inventory or policy could not be evaluated.`,
		Example: "  citygate baseline inventory/ -o .citygate-baseline.json\n  citygate check inventory/ --baseline .citygate-baseline.json",
		RunE:    runBaseline,
	}
	f := cmd.Flags()
	f.StringP("output", "o", "", "file to write the baseline to (required)")
	addPolicyFlags(cmd)
	f.String("as-of", "", "evaluation date YYYY-MM-DD (default today)")
	f.Duration("timeout", engine.DefaultTimeout, "deadline for evaluating one inventory")
	f.String("evaluator", string(engine.Topdown), "how Rego is evaluated: topdown (OPA's interpreter) or wasm (compiled once to WebAssembly; see docs/performance.md)")
	f.Int("parallel", 0, "inventories evaluated at once (default: number of CPUs)")
	addPortfolioFlags(cmd)
	return cmd
}

func runBaseline(cmd *cobra.Command, args []string) error {
	out, _ := cmd.Flags().GetString("output")
	if out == "" {
		return fmt.Errorf("baseline needs -o FILE")
	}
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	cfg.FailOn = "none"
	paths, err := selectInventories(cmd, cfg, args)
	if err != nil || len(paths) == 0 {
		return err
	}
	res, err := evaluate(cmd, cfg, paths)
	if ierr := interrupted(cmd.Context()); ierr != nil {
		return ierr
	}
	if err != nil {
		return err
	}
	r, err := report.New("json", report.Options{})
	if err != nil {
		return err
	}
	// A waived finding is not recorded: when the waiver expires, the
	// finding must fail the gate again, not stay suppressed by the baseline.
	recorded := withoutWaived(res)
	write := func(w io.Writer) error { return r.Report(w, recorded) }
	if out == stdoutPath {
		err = write(cancellableWriter{cmd.Context(), cmd.OutOrStdout()})
	} else {
		err = writeFile(cmd.Context(), out, write)
	}
	if ierr := interrupted(cmd.Context()); ierr != nil {
		return ierr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	// Said even with -q: it is what the command was asked to do.
	fmt.Fprintf(cmd.ErrOrStderr(), "baseline of %d findings written to %s (%d waived findings not recorded)\n",
		len(recorded.Findings), out, len(res.Findings)-len(recorded.Findings))
	if res.ExitCode() == exitError {
		return exitCode(exitError)
	}
	return nil
}

// readBaseline reads the fingerprints of a previous JSON result. Findings
// a waiver suppressed there are not taken: a waiver expires, and the
// baseline must not keep suppressing what the waiver no longer does.
func readBaseline(path string) (map[string]bool, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	var doc struct {
		SchemaVersion string `json:"schema_version"`
		Findings      []struct {
			Fingerprint string               `json:"fingerprint"`
			Suppressed  *finding.Suppression `json:"suppressed"`
		} `json:"findings"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("baseline %s is not a citygate JSON result: %w", path, err)
	}
	// Version 1 documents carry the same fingerprints.
	if doc.SchemaVersion != finding.SchemaVersion && doc.SchemaVersion != "1" {
		return nil, fmt.Errorf("baseline %s has schema_version %q; want %q (write one with citygate baseline)", path, doc.SchemaVersion, finding.SchemaVersion)
	}
	fps := make(map[string]bool, len(doc.Findings))
	for _, f := range doc.Findings {
		if f.Suppressed != nil && f.Suppressed.Kind == "waiver" {
			continue
		}
		fps[f.Fingerprint] = true
	}
	return fps, nil
}

// withoutWaived is res without the findings waivers suppress, for a
// baseline file.
func withoutWaived(res *finding.Result) *finding.Result {
	out := *res
	out.Findings = make([]finding.Finding, 0, len(res.Findings))
	for _, f := range res.Findings {
		if f.Suppressed != nil && f.Suppressed.Kind == "waiver" {
			out.Summary.Suppressed--
			continue
		}
		out.Findings = append(out.Findings, f)
	}
	return &out
}
