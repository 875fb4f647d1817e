package policy

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/citygate/citygate/engine/pack"
	"github.com/citygate/citygate/policies"
)

// Source is a tree of .rego files: the embedded built-in library or a
// user directory given with --policy.
type Source struct {
	FS fs.FS
	// Prefix is prepended to paths inside FS to name files in messages.
	Prefix string
	// Builtin marks the embedded library. Whether a file is built-in is
	// decided by this flag, never by its name: a user's folder may well be
	// called policies/ too.
	Builtin bool
	// Pack, when set, is the source's policy pack, already opened (a
	// bundle's); otherwise Load opens it from FS (pack.Open).
	Pack *pack.Pack
}

// BuiltinPrefix names the embedded library's files in every message,
// test result, coverage report and rule listing:
// "<builtin>/policies/privacy/retention_limits.rego". It cannot be
// mistaken for a path on disk, where a city's own folder is often named
// policies/ as well.
const BuiltinPrefix = "<builtin>/policies"

// Builtin is the embedded library (rules, lib and params.json).
func Builtin() Source {
	return Source{FS: policies.FS, Prefix: BuiltinPrefix, Builtin: true}
}

// Dir is a user policy directory.
func Dir(dir string) Source {
	return Source{FS: os.DirFS(dir), Prefix: userPrefix(dir)}
}

// userPrefix is a user path as messages name it: cleaned, with slashes,
// and never starting like BuiltinPrefix.
func userPrefix(p string) string {
	name := filepath.ToSlash(filepath.Clean(p))
	if strings.HasPrefix(name, "<builtin>") {
		name = "./" + name
	}
	return name
}

type regoFile struct {
	name    string // as shown to the user
	content []byte
	test    bool
	builtin bool
}

// files lists every .rego file of a source in sorted order.
func (s Source) files() ([]regoFile, error) {
	var out []regoFile
	err := fs.WalkDir(s.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return nil
		}
		b, err := fs.ReadFile(s.FS, p)
		if err != nil {
			return err
		}
		out = append(out, regoFile{
			name:    path.Join(s.Prefix, p),
			content: b,
			test:    strings.HasSuffix(p, "_test.rego"),
			builtin: s.Builtin,
		})
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out, err
}
