//go:build race

package engine_test

// raceEnabled: the race detector slows OPA and wazero ten-fold; the
// differential test then keeps to its fixture subtests.
const raceEnabled = true
