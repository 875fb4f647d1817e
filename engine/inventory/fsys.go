package inventory

import (
	"io/fs"
	"os"
)

// OS is an fs.FS over the operating system's files that accepts the paths
// users type (relative with "..", or absolute), which os.DirFS rejects.
// Library users and tests pass their own fs.FS (fstest.MapFS, embed.FS).
type OS struct{}

// Open opens a file by its OS path.
func (OS) Open(name string) (fs.File, error) { return os.Open(name) }

// Stat follows fs.StatFS, so file sizes are checked before reading.
func (OS) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }

// ReadDir lists a directory sorted by name; entries describe links
// themselves, not their targets, so the walker can refuse them.
func (OS) ReadDir(name string) ([]fs.DirEntry, error) { return os.ReadDir(name) }
