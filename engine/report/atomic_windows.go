//go:build windows

package report

import (
	"io"
	"os"
	"path/filepath"
)

// replaceAtomically writes a temporary file beside path, syncs it and
// renames it over path. On Windows os.Rename is MoveFileEx with
// MOVEFILE_REPLACE_EXISTING, which replaces the file in one step on the
// same volume; directories cannot be synced there, so that step is left
// out. renameio, used elsewhere, does not build on Windows.
func replaceAtomically(path string, perm os.FileMode, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), perm); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
