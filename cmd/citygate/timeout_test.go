package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestTimeoutMustBePositive: --timeout 0 or a negative duration is a
// usage error, not a run where every inventory "took longer than 0s".
func TestTimeoutMustBePositive(t *testing.T) {
	for _, d := range []string{"0", "-5s"} {
		out, stderr, code := citygate(t, "check", "-q", "../../fixtures/bid", "--timeout", d)
		assert.Equal(t, 2, code, d)
		assert.Empty(t, out)
		assert.Contains(t, stderr, "(--timeout) must be positive", d)
		assert.NotContains(t, stderr, "took longer than", d)
	}
}
