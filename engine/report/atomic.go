package report

import (
	"bufio"
	"io"
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"
)

// ReportPerm is the mode reports are written with.
const ReportPerm os.FileMode = 0o644

// WriteAtomic replaces path with what write produces, so that readers see
// the old file or the new one, never a part: write streams into a
// temporary file in the same directory, which is synced and renamed over
// path, and the directory is synced so the rename survives a crash. If
// write fails, path is left as it was.
func WriteAtomic(path string, perm os.FileMode, write func(io.Writer) error) error {
	// Without WithTempDir, renameio writes the temporary file to $TMPDIR
	// whenever a rename from there works, not beside path.
	pf, err := renameio.NewPendingFile(path, renameio.WithPermissions(perm), renameio.WithTempDir(filepath.Dir(path)))
	if err != nil {
		return err
	}
	defer pf.Cleanup()
	bw := bufio.NewWriterSize(pf, 64<<10)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
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

// WriteFileAtomic is WriteAtomic for bytes already in memory.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) error {
	return WriteAtomic(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
