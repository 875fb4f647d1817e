//go:build !windows

package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSignalsStopTheRun: SIGINT while inventories are evaluated and
// SIGTERM while the report is written both stop the run with
// "interrupted", exit 130 and 143, leave the previous report as it was and
// no temporary file behind.
func TestSignalsStopTheRun(t *testing.T) {
	bin := buildCitygate(t)
	dir := t.TempDir()
	// Many inventories (a long evaluation) and one large one (a long write).
	for i := range 300 {
		write(t, dir, fmt.Sprintf("cities/c%03d/city.hcl", i), fmt.Sprintf("city \"c%03d\" {\n  jurisdictions = [\"PT\"]\n}\n", i))
		write(t, dir, fmt.Sprintf("cities/c%03d/cam.hcl", i), universalCam)
	}
	var big strings.Builder
	for i := range 600 {
		fmt.Fprintf(&big, "system \"s%04d\" {\n  category = \"iot\"\n  vendor   = \"Acme\"\n  stage    = \"procurement\"\n  public_facing = true\n}\n", i)
	}
	bid := write(t, dir, "bid.hcl", big.String())
	out := filepath.Join(dir, "report.json")
	previous := []byte("{\"previous\": \"report\"}\n")

	start := func(args ...string) (*exec.Cmd, *bytes.Buffer) {
		require.NoError(t, os.WriteFile(out, previous, 0o644))
		var stderr bytes.Buffer
		c := exec.Command(bin, append([]string{"check", "-q", "-f", "json", "-o", out}, args...)...)
		c.Stderr = &stderr
		require.NoError(t, c.Start())
		return c, &stderr
	}
	finish := func(c *exec.Cmd, stderr *bytes.Buffer, code int) {
		t.Helper()
		err := c.Wait()
		ee, ok := err.(*exec.ExitError)
		require.True(t, ok, "exit status, not %v; stderr: %s", err, stderr)
		assert.Equal(t, code, ee.ExitCode(), stderr.String())
		assert.Contains(t, stderr.String(), "citygate: interrupted")
		got, err := os.ReadFile(out)
		require.NoError(t, err)
		assert.Equal(t, previous, got, "the previous report is intact")
		entries, err := os.ReadDir(dir)
		require.NoError(t, err)
		for _, e := range entries {
			assert.False(t, strings.HasPrefix(e.Name(), ".report.json"), "temporary file %s left behind", e.Name())
		}
	}

	c, stderr := start("--each", filepath.Join(dir, "cities"), "--parallel", "1")
	time.Sleep(700 * time.Millisecond)
	require.NoError(t, c.Process.Signal(syscall.SIGINT))
	finish(c, stderr, exitInterrupted)
	assert.Contains(t, stderr.String(), "(SIGINT)")

	for attempt := 1; attempt <= 10; attempt++ {
		c, stderr = start(bid)
		temp, _ := waitForTempFile(dir, ".report.json", 60*time.Second)
		require.NoError(t, c.Process.Signal(syscall.SIGTERM))
		if temp == "" {
			t.Fatalf("no temporary file appeared; stderr: %s", stderr)
		}
		err := c.Wait()
		if err == nil {
			t.Logf("attempt %d: the write finished before SIGTERM arrived", attempt)
			continue
		}
		c.Process = nil
		ee := err.(*exec.ExitError)
		assert.Equal(t, exitTerminated, ee.ExitCode(), stderr.String())
		assert.Contains(t, stderr.String(), "citygate: interrupted (SIGTERM)")
		got, rerr := os.ReadFile(out)
		require.NoError(t, rerr)
		assert.Equal(t, previous, got, "the previous report is intact")
		entries, rerr := os.ReadDir(dir)
		require.NoError(t, rerr)
		for _, e := range entries {
			assert.False(t, strings.HasPrefix(e.Name(), ".report.json"), "temporary file %s left behind", e.Name())
		}
		return
	}
	t.Fatal("never managed to signal the run while it was writing")
}
