package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/report"
)

func newValidateCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "validate [PATH...]",
		Short: "Parse and schema-check inventories without evaluating policies",
		Long: `validate loads each PATH as check does and reports every problem with its
file, line, column and a source snippet. Exit 0 when all are valid, 2 otherwise.
With --policy (or policy: in .citygate.yaml), the extension blocks the
packs declare are part of the language, as they are for check.`,
		RunE: runValidate,
	}
	cmd.Flags().StringP("format", "f", "text", "output format: text or json")
	cmd.Flags().StringArray("policy", nil, "a policy pack directory whose extension blocks the inventories may hold (repeatable; its rules are not evaluated)")
	cmd.Flags().Int("parallel", 0, "inventories loaded at once (default: number of CPUs)")
	addPortfolioFlags(cmd)
	return cmd
}

// diagJSON is one diagnostic in validate -f json: a report error with
// its severity.
type diagJSON struct {
	Severity string `json:"severity"`
	finding.Error
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
	opts := []engine.Option{engine.WithLimits(cfg.Limits), engine.WithParallel(cfg.Parallel), engine.WithDebug(debugFlag(cmd))}
	schema, err := packInventorySchema(cmd, cfg)
	if err != nil {
		return err
	}
	if schema != nil {
		opts = append(opts, engine.WithInventorySchema(schema))
	}
	eng, err := engine.New(cmd.Context(), nil, opts...)
	if err != nil {
		return err
	}
	results, err := eng.Validate(cmd.Context(), paths)
	if err != nil {
		return err
	}
	failed, systems := 0, 0
	diags := []diagJSON{}
	// Snippets are vendor text: render into a buffer, then print it safe.
	var out bytes.Buffer
	for _, r := range results {
		systems += r.Systems
		if !r.Valid() {
			failed++
		}
		if format == "json" {
			for _, e := range r.Errors {
				diags = append(diags, diagJSON{Severity: "error", Error: e})
			}
			for _, e := range r.Warnings {
				diags = append(diags, diagJSON{Severity: "warning", Error: e})
			}
			continue
		}
		printer := newDiagPrinter(&out, sourceFiles(r.Sources))
		printer.writeAll(diagnostics(r.Errors, hcl.DiagError, r.Sources))
		printer.writeAll(diagnostics(r.Warnings, hcl.DiagWarning, r.Sources))
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

// diagnostics turns report errors back into hcl diagnostics, for the
// printer shared with check's policy errors.
func diagnostics(errs []finding.Error, severity hcl.DiagnosticSeverity, sources map[string]*inventory.SourceFile) hcl.Diagnostics {
	out := make(hcl.Diagnostics, 0, len(errs))
	for _, e := range errs {
		d := &hcl.Diagnostic{Severity: severity, Summary: e.Summary, Detail: e.Detail}
		if e.Line > 0 {
			var src []byte
			if f := sources[e.File]; f != nil {
				src = f.Bytes
			}
			d.Subject = &hcl.Range{Filename: e.File,
				Start: hcl.Pos{Line: e.Line, Column: e.Column, Byte: byteOffset(src, e.Line, e.Column)},
				End:   hcl.Pos{Line: e.EndLine, Column: e.EndColumn, Byte: byteOffset(src, e.EndLine, e.EndColumn)}}
		}
		out = append(out, d)
	}
	return out
}

// byteOffset finds a 1-based line and column (counted in characters) in
// src, for the snippet printer; past the end it is len(src).
func byteOffset(src []byte, line, column int) int {
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	for c := 1; c < column && off < len(src) && src[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(src[off:])
		off += size
	}
	return off
}

// sourceFiles presents sources to the printer, which reads Bytes and Nav.
func sourceFiles(sources map[string]*inventory.SourceFile) map[string]*hcl.File {
	files := make(map[string]*hcl.File, len(sources))
	for name, f := range sources {
		files[name] = f.HCLFile()
	}
	return files
}
