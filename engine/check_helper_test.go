package engine_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
)

// mustCheck is Check under a context that does not end: an error is a
// failure of the test.
func mustCheck(t testing.TB, eng *engine.Engine, paths ...string) *finding.Result {
	t.Helper()
	res, err := eng.Check(context.Background(), paths)
	require.NoError(t, err)
	return res
}
