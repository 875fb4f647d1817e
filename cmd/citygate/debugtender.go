package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"

	"github.com/hashicorp/hcl/v2"
	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/report"
	"github.com/citygate/citygate/engine/tender"
	"github.com/citygate/citygate/internal/config"
)

// addDebugTenderFlag adds --tender to input and eval.
func addDebugTenderFlag(cmd *cobra.Command) {
	cmd.Flags().String("tender", "", "read PATH as a bid for this tender: the document is the bid composed with the city's context, as tender check evaluates it")
}

// tenderOptions are, with --tender, the engine options that make PATH a
// bid evaluated as tender check evaluates it: composed with the city's
// context and the tender's waivers, at the tender's as-of date (unless
// --as-of is given). Without --tender, none.
func tenderOptions(cmd *cobra.Command, cfg config.Config) ([]engine.Option, error) {
	path, _ := cmd.Flags().GetString("tender")
	if path == "" {
		return nil, nil
	}
	t, diags := tender.Load(inventory.OS{}, path, cfg.Limits)
	if diags.HasErrors() {
		var out bytes.Buffer
		newDiagPrinter(&out, sourceFiles(t.Files())).writeAll(diags)
		fmt.Fprintf(&out, "The tender %s is invalid.\n", path)
		_, _ = io.WriteString(cmd.ErrOrStderr(), report.SafeText(out.String()))
		return nil, exitCode(exitError)
	}
	var opts []engine.Option
	if t.AsOf != "" && cfg.AsOf == "" {
		opts = append(opts, engine.WithAsOf(t.AsOf))
	}
	opts = append(opts, engine.WithLoader(func(fsys fs.FS, p string, o inventory.Options) (*inventory.Inventory, hcl.Diagnostics) {
		b := t.LoadBid(fsys, p, o.Limits)
		if b.Inventory != nil {
			return b.Inventory, b.Diags
		}
		// The bid's own files, for the snippets of its errors.
		raw, _ := inventory.Load(fsys, p, o)
		return &inventory.Inventory{Path: p, Files: raw.Files}, b.Diags
	}))
	return opts, nil
}
