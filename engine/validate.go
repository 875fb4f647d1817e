package engine

import (
	"context"
	"io/fs"
	"runtime"
	"time"

	"github.com/hashicorp/hcl/v2"

	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/waiver"
	"github.com/citygate/citygate/internal/workpool"
)

func today() string { return time.Now().UTC().Format(time.DateOnly) }

// Validation is the outcome of loading one inventory without evaluating it.
type Validation struct {
	Path string
	// Files are kept only when there are diagnostics, for their snippets.
	Files   map[string]*hcl.File
	Diags   hcl.Diagnostics
	Systems int
}

// Validate loads and schema-checks every path concurrently, as check does,
// without compiling or evaluating any policy. Waivers are checked for
// undeclared resources and length (at the default limit, as of today);
// their rule ids are checked by check, which loads the policies.
// Of the options, only WithDebug applies.
func Validate(_ context.Context, fsys fs.FS, paths []string, limits inventory.Limits, parallel int, opts ...Option) []Validation {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	if parallel < 1 {
		parallel = runtime.GOMAXPROCS(0)
	}
	out := make([]Validation, len(paths))
	var e Engine
	for _, o := range opts {
		o(&e)
	}
	workpool.ForEach(len(paths), parallel, func(i int) {
		defer func() {
			if r := recover(); r != nil {
				ie := e.internalError(paths[i], r)
				out[i] = Validation{Path: paths[i], Diags: hcl.Diagnostics{{Severity: hcl.DiagError, Summary: ie.Summary, Detail: ie.Detail,
					Subject: &hcl.Range{Filename: paths[i], Start: hcl.InitialPos, End: hcl.InitialPos}}}}
			}
		}()
		inv, diags := inventory.Load(fsys, paths[i], inventory.Options{Limits: limits})
		diags = append(diags, emptyInventory(inv)...)
		if inv.Doc != nil {
			// Rule ids need the policies; resources and length do not.
			diags = append(diags, waiver.Check(waiver.Read(inv), inv, nil, today(), waiver.DefaultMaxDays)...)
		}
		out[i] = Validation{Path: paths[i], Diags: diags, Systems: inv.Systems}
		if len(diags) > 0 {
			out[i].Files = inv.Files
		}
	})
	return out
}
