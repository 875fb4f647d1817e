package main

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/report"
)

func newInputCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "input PATH",
		Short: "Print the Rego input document of an inventory as JSON",
		Long: `input loads PATH (a file, or a directory of *.hcl and *.hcl.json files) as
check does and prints the document the rules see as input: indented JSON
with sorted keys, the same bytes for the same inventory. It is what
citygate eval, and a plain OPA (opa eval -I), evaluate against.

--with-source prints {"input": ..., "source": [...]} instead, where source
lists every value of the document that comes from the inventory, in
document order: its path as a Rego reference (input.systems[0].auth.mfa_privileged),
its file, and its range (line and column of start and end, columns counted
in characters). A block covers its whole body; an attribute "name = value".

With --tender, PATH is a bid: the document is the bid composed with the
tender's city context, as tender check and check --tender evaluate it.

Exit 0 with the document; 2 when the inventory does not load, with every
error located as validate prints it.`,
		Example: `  citygate input fixtures/bid/acme-smart-lighting.hcl
  citygate input fixtures/city --with-source
  citygate input fixtures/tender/bids/strong --tender fixtures/tender/tender.hcl`,
		Args: cobra.ExactArgs(1),
		RunE: runInput,
	}
	cmd.Flags().Bool("with-source", false, "add the source map: for each value of the document, its file, line and column range")
	addDebugTenderFlag(cmd)
	return cmd
}

// sourceEntry is one located value of citygate input --with-source.
type sourceEntry struct {
	Path      string `json:"path"`
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
}

func runInput(cmd *cobra.Command, args []string) error {
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	opts, err := tenderOptions(cmd, cfg)
	if err != nil {
		return err
	}
	opts = append(opts, engine.WithLimits(cfg.Limits), engine.WithDebug(debugFlag(cmd)))
	eng, err := engine.New(cmd.Context(), nil, opts...)
	if err != nil {
		return err
	}
	inv, ok := loadForDebug(cmd, eng, args[0])
	if !ok {
		return exitCode(exitError)
	}
	out, err := ast.JSON(inv.Doc)
	if err != nil {
		return err
	}
	if flagBool(cmd, "with-source") {
		out = struct {
			Input  any           `json:"input"`
			Source []sourceEntry `json:"source"`
		}{out, sourceEntries(inv)}
	}
	return writeJSON(cmd.OutOrStdout(), out)
}

// loadForDebug loads one inventory for input and eval; when it does not
// load, every error is printed with its snippet, as validate prints them.
func loadForDebug(cmd *cobra.Command, eng *engine.Engine, path string) (*inventory.Inventory, bool) {
	inv, diags := eng.Load(path)
	if inv.Doc != nil {
		return inv, true
	}
	var errs hcl.Diagnostics
	for _, d := range diags {
		if d.Severity == hcl.DiagError {
			errs = append(errs, d)
		}
	}
	// Snippets are inventory text: render into a buffer, then print it safe.
	var buf bytes.Buffer
	newDiagPrinter(&buf, sourceFiles(inv.Files)).writeAll(errs)
	_, _ = io.WriteString(cmd.ErrOrStderr(), report.SafeText(buf.String()))
	return nil, false
}

// sourceEntries is the source map of an inventory as citygate input
// --with-source prints it.
func sourceEntries(inv *inventory.Inventory) []sourceEntry {
	entries := []sourceEntry{}
	inv.Source.Walk(inv.Doc, func(path ast.Ref, rng hcl.Range) {
		entries = append(entries, sourceEntry{Path: path.String(), File: rng.Filename,
			Line: rng.Start.Line, Column: rng.Start.Column, EndLine: rng.End.Line, EndColumn: rng.End.Column})
	})
	return entries
}

// writeJSON writes v as indented JSON with sorted keys and without HTML
// escaping, so the same value always gives the same bytes.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
