package inventory_test

import (
	"io/fs"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"

	"github.com/citygate/citygate/engine/inventory"
)

// deniedFS refuses to open or list the paths in denied, as a file system
// does for a file or directory with mode 000. Unlike chmod it also
// refuses root, so these tests run in CI, which runs as root.
type deniedFS struct {
	fstest.MapFS
	denied map[string]bool
}

func (d deniedFS) Open(name string) (fs.File, error) {
	if d.denied[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.MapFS.Open(name)
}

func (d deniedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if d.denied[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.MapFS.ReadDir(name)
}

func (d deniedFS) ReadFile(name string) ([]byte, error) {
	if d.denied[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
	}
	return d.MapFS.ReadFile(name)
}

func TestPermissionDenied(t *testing.T) {
	files := fstest.MapFS{
		"inv/ok.hcl":            {Data: []byte("system \"a\" {}\n")},
		"inv/secret.hcl":        {Data: []byte("system \"b\" {}\n")},
		"inv/locked/hidden.hcl": {Data: []byte("system \"c\" {}\n")},
	}
	t.Run("unreadable file", func(t *testing.T) {
		fsys := deniedFS{files, map[string]bool{"inv/secret.hcl": true}}
		inv, diags := loadGuarded(t, fsys, "inv", inventory.Limits{})
		requireError(t, diags, "inv/secret.hcl", 1, "Cannot read file")
		assert.Contains(t, diags.Error(), "permission denied")
		assert.Nil(t, inv.Doc, "an inventory with an unreadable file is not evaluated")
	})
	t.Run("unreadable directory", func(t *testing.T) {
		fsys := deniedFS{files, map[string]bool{"inv/locked": true}}
		_, diags := loadGuarded(t, fsys, "inv", inventory.Limits{})
		requireError(t, diags, "inv/locked", 1, "Cannot read directory")
		assert.Contains(t, diags.Error(), "permission denied")
	})
	t.Run("unreadable inventory file", func(t *testing.T) {
		fsys := deniedFS{files, map[string]bool{"inv/secret.hcl": true}}
		_, diags := loadGuarded(t, fsys, "inv/secret.hcl", inventory.Limits{})
		assert.True(t, diags.HasErrors())
		assert.Contains(t, diags.Error(), "permission denied")
	})
}
