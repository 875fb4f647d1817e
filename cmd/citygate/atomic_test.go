package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// buildCitygate builds the command into a temporary directory.
func buildCitygate(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "citygate")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go build: %s", out)
	return bin
}

// TestReportSurvivesSIGKILL: a run killed while it writes its report
// leaves the previous report byte-identical; the partial output only ever
// lives in a temporary file beside it. The run is killed the moment that
// temporary file appears, i.e. in the middle of writing a report of tens
// of megabytes.
func TestReportSurvivesSIGKILL(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("SIGKILL")
	}
	bin := buildCitygate(t)
	dir := t.TempDir()
	var inv strings.Builder
	for i := range 600 {
		fmt.Fprintf(&inv, "system \"s%04d\" {\n  category = \"iot\"\n  vendor   = \"Acme\"\n  stage    = \"procurement\"\n  public_facing = true\n}\n", i)
	}
	bid := write(t, dir, "bid.hcl", inv.String())
	out := filepath.Join(dir, "report.json")
	previous := []byte("{\"previous\": \"report\", \"findings\": []}\n")

	for attempt := 1; attempt <= 10; attempt++ {
		require.NoError(t, os.WriteFile(out, previous, 0o644))
		cmd := exec.Command(bin, "check", "-q", "-f", "json", "-o", out, bid)
		require.NoError(t, cmd.Start())
		temp, size := waitForTempFile(dir, "."+filepath.Base(out), 60*time.Second)
		require.NoError(t, cmd.Process.Signal(syscall.SIGKILL))
		err := cmd.Wait()

		got, rerr := os.ReadFile(out)
		require.NoError(t, rerr)
		if temp == "" {
			t.Fatalf("the run ended (%v) without a temporary file ever appearing", err)
		}
		var ws syscall.WaitStatus
		if ee, ok := err.(*exec.ExitError); ok {
			ws, _ = ee.Sys().(syscall.WaitStatus)
		}
		if !ws.Signaled() || !bytes.Equal(got, previous) {
			// The rename won the race against the signal: the report must
			// then be the complete new one. Try again to kill mid-write.
			var doc map[string]any
			require.NoError(t, json.Unmarshal(got, &doc), "a partial report replaced the previous one")
			require.Contains(t, doc, "summary")
			t.Logf("attempt %d: the write finished before the kill", attempt)
			continue
		}
		// Here the report is the previous one (the branch above); what is
		// left to show is that the kill came mid-write and that the next
		// run is not hindered by the partial temporary file.
		assert.Equal(t, syscall.SIGKILL, ws.Signal())
		left, err := os.ReadFile(temp)
		if err != nil {
			t.Logf("attempt %d: killed before the write began; trying again", attempt)
			continue
		}
		t.Logf("killed mid-write on attempt %d: the temporary file %s beside the report holds %d bytes (%d when seen); report.json kept its %d bytes",
			attempt, filepath.Base(temp), len(left), size, len(previous))
		assert.False(t, json.Valid(left), "the temporary file is a partial report")
		rerun := exec.Command(bin, "check", "-q", "-f", "json", "-o", out, bid)
		if err := rerun.Run(); err != nil {
			var ee *exec.ExitError
			require.ErrorAs(t, err, &ee)
			require.Equal(t, 1, ee.ExitCode(), "findings, not an error")
		}
		got, err = os.ReadFile(out)
		require.NoError(t, err)
		var doc map[string]any
		require.NoError(t, json.Unmarshal(got, &doc), "the next run writes a complete report")
		assert.Contains(t, doc, "summary")
		return
	}
	t.Fatal("never managed to kill the run while it was writing")
}

// waitForTempFile polls dir for a file whose name starts with prefix (the
// temporary file the atomic write creates) and returns its path and size.
func waitForTempFile(dir, prefix string, timeout time.Duration) (string, int64) {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), prefix) {
				var size int64
				if info, err := e.Info(); err == nil {
					size = info.Size()
				}
				return filepath.Join(dir, e.Name()), size
			}
		}
		time.Sleep(200 * time.Microsecond)
	}
	return "", 0
}

// panicWriter fails like a bug in a command would.
type panicWriter struct{}

func (panicWriter) Write([]byte) (int, error) { panic("writer exploded") }

// TestPanicIsExit2: a panic in a command is a bug reported on stderr with
// exit 2; the stack trace only with --debug.
func TestPanicIsExit2(t *testing.T) {
	var stderr bytes.Buffer
	code := run([]string{"version"}, panicWriter{}, &stderr)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr.String(), "citygate: internal error: writer exploded")
	assert.Contains(t, stderr.String(), "This is a bug")
	assert.Contains(t, stderr.String(), "Run again with --debug for a stack trace.")
	assert.NotContains(t, stderr.String(), "goroutine ")

	stderr.Reset()
	code = run([]string{"version", "--debug"}, panicWriter{}, &stderr)
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr.String(), "citygate: internal error: writer exploded")
	assert.Contains(t, stderr.String(), "goroutine ")
	assert.Contains(t, stderr.String(), "panicWriter.Write")
}

// TestDebugFlagReachesCommands: --debug, a flag of the root command, is
// what check and validate pass to the engine (engine.WithDebug), so an
// internal error on a worker goroutine carries its stack only with it
// (engine/safety_test.go injects such a panic).
func TestDebugFlagReachesCommands(t *testing.T) {
	for _, name := range []string{"check", "validate"} {
		root := newRootCmd(&bytes.Buffer{}, &bytes.Buffer{})
		cmd, _, err := root.Find([]string{name})
		require.NoError(t, err)
		require.NoError(t, cmd.ParseFlags([]string{"--debug"}))
		assert.True(t, debugFlag(cmd), name)

		root = newRootCmd(&bytes.Buffer{}, &bytes.Buffer{})
		cmd, _, err = root.Find([]string{name})
		require.NoError(t, err)
		require.NoError(t, cmd.ParseFlags(nil))
		assert.False(t, debugFlag(cmd), name)
	}
}
