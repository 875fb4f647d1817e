package engine

import (
	"context"
	"io/fs"
	"runtime"

	"github.com/hashicorp/hcl/v2"

	"github.com/citygate/citygate/engine/inventory"
)

// Validation is the outcome of loading one inventory without evaluating it.
type Validation struct {
	Path string
	// Files are kept only when there are diagnostics, for their snippets.
	Files   map[string]*hcl.File
	Diags   hcl.Diagnostics
	Systems int
}

// Validate loads and schema-checks every path concurrently, as check does,
// without compiling or evaluating any policy.
func Validate(_ context.Context, fsys fs.FS, paths []string, limits inventory.Limits, parallel int) []Validation {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	if parallel < 1 {
		parallel = runtime.GOMAXPROCS(0)
	}
	out := make([]Validation, len(paths))
	forEach(len(paths), parallel, func(i int) {
		inv, diags := inventory.Load(fsys, paths[i], inventory.Options{Limits: limits})
		out[i] = Validation{Path: paths[i], Diags: diags, Systems: inv.Systems}
		if len(diags) > 0 {
			out[i].Files = inv.Files
		}
	})
	return out
}
