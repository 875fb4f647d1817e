package policy

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Path is a user policy source as --policy, the config's policy: list or
// citygate test's arguments name it: a directory of .rego files, or a
// single .rego file, as opa and conftest accept both. A file is named in
// messages by the path given, a directory's files by the directory joined
// with their path in it.
func Path(p string) (Source, error) {
	info, err := os.Stat(p)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return Source{}, fmt.Errorf("policy %s does not exist: give a directory of .rego files or one .rego file", p)
		}
		return Source{}, fmt.Errorf("policy %s: %w", p, err)
	}
	if info.IsDir() {
		return Dir(p), nil
	}
	if !strings.HasSuffix(p, ".rego") {
		return Source{}, fmt.Errorf("policy %s is neither a directory nor a .rego file", p)
	}
	dir, base := filepath.Split(filepath.Clean(p))
	if dir == "" {
		dir = "."
	}
	return Source{FS: oneFile{os.DirFS(dir), base}, Prefix: userPrefix(dir)}, nil
}

// oneFile shows a directory with only one of its files.
type oneFile struct {
	fsys fs.FS
	name string
}

func (o oneFile) Open(name string) (fs.File, error) {
	if name != "." && name != o.name {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return o.fsys.Open(name)
}

func (o oneFile) ReadDir(name string) ([]fs.DirEntry, error) {
	if name != "." {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	entries, err := fs.ReadDir(o.fsys, name)
	for _, e := range entries {
		if e.Name() == o.name {
			return []fs.DirEntry{e}, err
		}
	}
	return nil, err
}
