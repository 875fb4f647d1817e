//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFmtKeepsPermissionsUnderUmask: a group-writable file stays
// group-writable when fmt rewrites it, whatever the umask.
func TestFmtKeepsPermissionsUnderUmask(t *testing.T) {
	old := syscall.Umask(0o077)
	defer syscall.Umask(old)
	dir := t.TempDir()
	for name, perm := range map[string]os.FileMode{"shared.hcl": 0o664, "open.hcl": 0o644, "private.hcl": 0o600} {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(fmtHCLIn), 0o600))
		require.NoError(t, os.Chmod(p, perm))
	}
	code, _, errOut := ptRun(t, "fmt", dir)
	require.Equal(t, 0, code, errOut)
	for name, perm := range map[string]os.FileMode{"shared.hcl": 0o664, "open.hcl": 0o644, "private.hcl": 0o600} {
		info, err := os.Stat(filepath.Join(dir, name))
		require.NoError(t, err)
		assert.Equal(t, perm, info.Mode().Perm(), name)
		assert.Equal(t, fmtHCLOut, fmtRead(t, dir, name))
	}
}
