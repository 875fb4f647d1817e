//go:build !windows

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReportsWriteThroughDevices: -o at a link to /dev/null, a FIFO, or a
// link to /dev/stdout writes through them; the link stays a link and the
// device a device. A link to a regular file replaces the target and keeps
// the link. All in a temporary directory: /dev/null itself is never the
// -o path.
func TestReportsWriteThroughDevices(t *testing.T) {
	dir := t.TempDir()
	inv := write(t, dir, "cam.hcl", universalCam)
	check := func(out string) {
		t.Helper()
		_, stderr, code := citygate(t, "check", inv, "--rule", "SEC-005", "-q", "-f", "json", "-o", out)
		require.Equal(t, 1, code, stderr)
		assert.NotContains(t, stderr, "writing")
	}

	if fi, err := os.Stat("/dev/null"); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Skip("/dev/null is not a character device on this machine (something replaced it), so it cannot show a write through one")
	}
	null := filepath.Join(dir, "null")
	require.NoError(t, os.Symlink("/dev/null", null))
	check(null)
	fi, err := os.Lstat(null)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeSymlink, "still a link")
	fi, err = os.Stat(null)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeCharDevice, "still a character device")

	stdout := filepath.Join(dir, "stdout")
	require.NoError(t, os.Symlink("/dev/stdout", stdout))
	check(stdout)
	fi, err = os.Lstat(stdout)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeSymlink, "/dev/stdout link still a link")

	fifo := filepath.Join(dir, "fifo")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	got := make(chan []byte)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- b
	}()
	check(fifo)
	select {
	case b := <-got:
		assert.Equal(t, "json", formatOf(t, b), "the report went through the FIFO")
	case <-time.After(30 * time.Second):
		t.Fatal("nothing read from the FIFO")
	}
	fi, err = os.Lstat(fifo)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeNamedPipe, "still a FIFO")

	target := write(t, dir, "real/report.json", "old")
	link := filepath.Join(dir, "report-link.json")
	require.NoError(t, os.Symlink(target, link))
	check(link)
	fi, err = os.Lstat(link)
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&os.ModeSymlink, "a link to a regular file stays a link")
	assert.Equal(t, "json", readFormat(t, target), "its target is replaced")

	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	for _, e := range entries {
		assert.False(t, strings.HasPrefix(e.Name(), "."), "temporary file %s left behind", e.Name())
	}
}
