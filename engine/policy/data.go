package policy

import (
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
)

// Store holds what rules read besides the input: data.citygate.params and
// data.citygate.as_of (YYYY-MM-DD), the date every date comparison uses.
func (l *Library) Store(asOf string) storage.Store { return store(l.Params(), asOf) }

// store holds params (not copied: callers pass their own) and asOf.
func store(params map[string]any, asOf string) storage.Store {
	return inmem.NewFromObjectWithOpts(map[string]any{
		"citygate": map[string]any{
			"params": params,
			"as_of":  asOf,
		},
	}, inmem.OptRoundTripOnWrite(false))
}
