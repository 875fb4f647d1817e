package engine

import (
	"io/fs"

	"github.com/hashicorp/hcl/v2"

	"github.com/citygate/citygate/engine/inventory"
)

// Loader turns one inventory path into a loaded inventory. The default is
// inventory.Load; a tender replaces it to evaluate each bid inside its
// city's context (engine/tender), so a bid goes through exactly the
// evaluation, waivers and reporting a city inventory does.
type Loader func(fsys fs.FS, path string, opts inventory.Options) (*inventory.Inventory, hcl.Diagnostics)

// WithLoader sets how inventory paths are loaded.
func WithLoader(l Loader) Option { return func(e *Engine) { e.loader = l } }

// WithInventorySchema sets the inventory language for an engine without
// a library (validate): the inventory schema with the extension blocks of
// policy packs (inventory.ExtendedSchema). An engine with a library reads
// the language its rules were compiled against, from the library.
func WithInventorySchema(s *inventory.Schema) Option { return func(e *Engine) { e.schema = s } }

// loadOptions are the options every inventory is loaded with.
func (e *Engine) loadOptions() inventory.Options {
	return inventory.Options{Limits: e.limits, Schema: e.schema}
}

// load reads one inventory path with the configured loader.
func (e *Engine) load(path string) (*inventory.Inventory, hcl.Diagnostics) {
	opts := e.loadOptions()
	if e.loader != nil {
		return e.loader(e.fsys, path, opts)
	}
	return inventory.Load(e.fsys, path, opts)
}
