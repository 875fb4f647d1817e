//go:build !windows

package report

import (
	"io"
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"
)

// replaceAtomically writes a temporary file beside path, syncs it, renames
// it over path and syncs the directory. renameio is POSIX-only; Windows
// has its own version of this function.
func replaceAtomically(path string, perm os.FileMode, write func(io.Writer) error) error {
	// Without WithTempDir, renameio writes the temporary file to $TMPDIR
	// whenever a rename from there works, not beside path.
	pf, err := renameio.NewPendingFile(path, renameio.WithPermissions(perm), renameio.WithTempDir(filepath.Dir(path)))
	if err != nil {
		return err
	}
	defer pf.Cleanup()
	if err := write(pf); err != nil {
		return err
	}
	if err := pf.CloseAtomicallyReplace(); err != nil {
		return err
	}
	dir, err := os.Open(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer dir.Close()
	return dir.Sync()
}
