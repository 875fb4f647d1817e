package policy

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDigest: the same sources, params and selection digest alike; a
// change of any of them changes the digest.
func TestDigest(t *testing.T) {
	load := func(opts Options) [32]byte {
		t.Helper()
		lib, errs := Load([]Source{Builtin()}, opts)
		require.Empty(t, errs)
		return lib.Digest()
	}
	base := load(Options{})
	assert.NotEqual(t, [32]byte{}, base)
	assert.Equal(t, base, load(Options{}))
	assert.NotEqual(t, base, load(Options{Params: map[string]any{"max_waiver_days": 30}}), "params")
	assert.NotEqual(t, base, load(Options{SkipRules: []string{"SEC-001"}}), "selection")
	assert.Equal(t, [32]byte{}, (&Library{}).Digest(), "a library not built by Load has no digest")
}
