package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestProgressSilentWhenNotATerminal: on a pipe, a file or a buffer the
// progress line never appears, however long the run.
func TestProgressSilentWhenNotATerminal(t *testing.T) {
	var buf bytes.Buffer
	p := newProgress(&buf, false)
	require.False(t, p.enabled)
	p.start = time.Now().Add(-time.Minute) // long past the one-second delay
	for i := 1; i <= 10; i++ {
		p.update(i, 10, i)
	}
	p.finish()
	require.Empty(t, buf.String())

	f, err := os.CreateTemp(t.TempDir(), "stderr")
	require.NoError(t, err)
	defer f.Close()
	p = newProgress(f, false)
	require.False(t, p.enabled, "a regular file is not a terminal")
	p.start = time.Now().Add(-time.Minute)
	p.update(5, 10, 1)
	p.finish()
	info, err := f.Stat()
	require.NoError(t, err)
	require.Zero(t, info.Size())
}

// TestProgressCheckWritesNothingToAPipe: a whole check run with stderr
// captured (as in CI) prints no progress escape sequences.
func TestProgressCheckWritesNothingToAPipe(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"check", "../../fixtures/bid", "-f", "json"}, &stdout, &stderr)
	require.Contains(t, []int{exitOK, exitFindings}, code, stderr.String())
	require.NotContains(t, stderr.String(), "\r")
	require.NotContains(t, stderr.String(), "checked ")
}

// TestProgressDraws: on a terminal, nothing in the first second, then at
// most one redraw per 100 ms, the last count always, and the line cleared
// at the end.
func TestProgressDraws(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, enabled: true, start: time.Now()}
	p.update(1, 10, 0)
	require.Empty(t, buf.String(), "nothing during the first second")

	p.start = time.Now().Add(-2 * time.Second)
	p.update(2, 10, 3)
	require.Equal(t, "\r\x1b[Kchecked 2/10 inventories (20%), 3 findings", buf.String())
	p.update(3, 10, 3)
	require.Equal(t, 1, strings.Count(buf.String(), "checked"), "redraws are throttled")
	p.update(10, 10, 7)
	require.True(t, strings.HasSuffix(buf.String(), "checked 10/10 inventories (100%), 7 findings"), "the final count is always drawn")
	p.finish()
	require.True(t, strings.HasSuffix(buf.String(), "\r\x1b[K"), "the line is cleared at the end")
}

// TestProgressQuietTerminal: --quiet turns it off even on a terminal.
func TestProgressQuietTerminal(t *testing.T) {
	tty := openTTY(t)
	require.True(t, newProgress(tty, false).enabled, "a terminal gets progress")
	require.False(t, newProgress(tty, true).enabled, "--quiet")
}
