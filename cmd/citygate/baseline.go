package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine"
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
	f.Int("parallel", 0, "inventories evaluated at once (default: number of CPUs)")
	f.BoolP("quiet", "q", false, "no progress output on stderr")
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
	res, err := evaluate(cmd, cfg, args)
	if err != nil {
		return err
	}
	r, err := report.New("json", report.Options{})
	if err != nil {
		return err
	}
	if err := report.WriteAtomic(out, report.ReportPerm, func(w io.Writer) error { return r.Report(w, res) }); err != nil {
		return fmt.Errorf("writing %s: %w", out, err)
	}
	fmt.Fprintf(cmd.ErrOrStderr(), "baseline of %d findings written to %s\n", len(res.Findings), out)
	if res.ExitCode() == exitError {
		return exitCode(exitError)
	}
	return nil
}
