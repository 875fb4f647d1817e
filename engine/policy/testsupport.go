package policy

import (
	"io/fs"
	"path"
	"strings"

	"github.com/citygate/citygate/policies"
)

// BuiltinLib is the embedded citygate.lib helpers without the built-in
// rules and their tests: what user rules build on when a policy directory
// is tested on its own (citygate test DIR), so that neither the built-in
// tests nor the built-in rules' findings mix into the author's results.
func BuiltinLib() Source {
	return Source{FS: libOnly{policies.FS}, Prefix: "policies", Builtin: true}
}

// libOnly shows only lib/*.rego (without tests) of the embedded library.
type libOnly struct{ fsys fs.FS }

func keepLib(name string) bool {
	switch {
	case name == "." || name == "lib":
		return true
	case strings.HasPrefix(name, "lib/"):
		return strings.HasSuffix(name, ".rego") && !strings.HasSuffix(name, "_test.rego")
	}
	return false
}

func (l libOnly) Open(name string) (fs.File, error) {
	if !keepLib(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return l.fsys.Open(name)
}

func (l libOnly) ReadDir(name string) ([]fs.DirEntry, error) {
	if !keepLib(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	entries, err := fs.ReadDir(l.fsys, name)
	kept := make([]fs.DirEntry, 0, len(entries))
	for _, e := range entries {
		if keepLib(path.Join(name, e.Name())) {
			kept = append(kept, e)
		}
	}
	return kept, err
}

// Files names every .rego file of the source as messages, test results
// and coverage reports name it (Prefix joined with the path inside FS).
func (s Source) Files() ([]string, error) {
	files, err := s.files()
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = f.name
	}
	return names, err
}
