package report

import (
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"
)

// WriteFileAtomic replaces path with data so that readers see the old
// file or the new one, never a part: a temporary file in the same
// directory is written, synced and renamed over path, then the directory
// is synced so the rename survives a crash.
func WriteFileAtomic(path string, data []byte) error {
	// Without WithTempDir, renameio writes the temporary file to $TMPDIR
	// whenever a rename from there works, not beside path.
	if err := renameio.WriteFile(path, data, 0o644, renameio.WithTempDir(filepath.Dir(path))); err != nil {
		return err
	}
	dir, err := os.Open(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer dir.Close()
	return dir.Sync()
}
