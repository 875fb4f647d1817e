//go:build !unix

package main

import "time"

// cpuTime is 0 where getrusage does not exist (Windows), so the tests
// compile there; the cpu-ms/inventory metric is then meaningless.
func cpuTime() time.Duration { return 0 }
