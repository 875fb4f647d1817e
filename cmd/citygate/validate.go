package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/report"
)

func newValidateCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Parse and schema-check inventories without evaluating policies",
		Long: `validate loads each PATH as check does and reports every problem with its
file, line, column and a source snippet. Exit 0 when all are valid, 2 otherwise.`,
		RunE: runValidate,
	}
	cmd.Flags().StringP("format", "f", "text", "output format: text or json")
	cmd.Flags().Int("parallel", 0, "inventories loaded at once (default: number of CPUs)")
	addPortfolioFlags(cmd)
	return cmd
}

// diagJSON is one diagnostic in validate -f json.
type diagJSON struct {
	Inventory string `json:"inventory"`
	Severity  string `json:"severity"`
	File      string `json:"file,omitempty"`
	Line      int    `json:"line,omitempty"`
	Column    int    `json:"column,omitempty"`
	EndLine   int    `json:"end_line,omitempty"`
	EndColumn int    `json:"end_column,omitempty"`
	Summary   string `json:"summary"`
	Detail    string `json:"detail,omitempty"`
}

func runValidate(cmd *cobra.Command, args []string) error {
	format, _ := cmd.Flags().GetString("format")
	if format != "text" && format != "json" {
		return fmt.Errorf("unknown format %q for validate: want text or json", format)
	}
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	paths, err := selectInventories(cmd, cfg, args)
	if err != nil || len(paths) == 0 {
		return err
	}
	results := engine.Validate(cmd.Context(), inventory.OS{}, paths, cfg.Limits, cfg.Parallel, engine.WithDebug(debugFlag(cmd)))
	failed, systems := 0, 0
	diags := []diagJSON{}
	// Snippets are vendor text: render into a buffer, then print it safe.
	var out bytes.Buffer
	for _, r := range results {
		systems += r.Systems
		if r.Diags.HasErrors() {
			failed++
		}
		if format == "json" {
			for _, d := range r.Diags {
				diags = append(diags, toDiagJSON(r.Path, d))
			}
			continue
		}
		if len(r.Diags) > 0 {
			newDiagPrinter(&out, r.Files).writeAll(r.Diags)
		}
	}
	if format == "json" {
		enc := json.NewEncoder(cmd.OutOrStdout())
		enc.SetIndent("", "  ")
		if err := enc.Encode(map[string]any{"valid": failed == 0, "inventories": len(results), "systems": systems, "diagnostics": diags}); err != nil {
			return err
		}
	} else if failed == 0 && !quiet(cmd) {
		fmt.Fprintf(&out, "%d inventories valid (%d systems).\n", len(results), systems)
	} else {
		fmt.Fprintf(&out, "%d of %d inventories invalid.\n", failed, len(results))
	}
	if _, err := io.WriteString(cmd.OutOrStdout(), report.SafeText(out.String())); err != nil {
		return err
	}
	if failed > 0 {
		return exitCode(exitError)
	}
	return nil
}

func toDiagJSON(inv string, d *hcl.Diagnostic) diagJSON {
	j := diagJSON{Inventory: inv, Severity: "error", Summary: d.Summary, Detail: d.Detail}
	if d.Severity == hcl.DiagWarning {
		j.Severity = "warning"
	}
	if d.Subject != nil {
		j.File, j.Line, j.Column = d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column
		j.EndLine, j.EndColumn = d.Subject.End.Line, d.Subject.End.Column
	}
	return j
}
