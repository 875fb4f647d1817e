package policy

import (
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
)

// Store holds what rules read besides the input: data.citygate.params,
// data.citygate.as_of (YYYY-MM-DD), the date every date comparison uses,
// and data.citygate.packs.<name>, each pack's data files.
func (l *Library) Store(asOf string) storage.Store { return store(l.Params(), l.packData(), asOf) }

// store holds params (not copied: callers pass their own), the packs'
// data (nil for none) and asOf.
func store(params, packs map[string]any, asOf string) storage.Store {
	citygate := map[string]any{
		"params": params,
		"as_of":  asOf,
	}
	if packs != nil {
		citygate["packs"] = packs
	}
	return inmem.NewFromObjectWithOpts(map[string]any{"citygate": citygate}, inmem.OptRoundTripOnWrite(false))
}
