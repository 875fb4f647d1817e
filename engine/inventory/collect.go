package inventory

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// IsInventoryFile reports whether a file name is read as part of an
// inventory: *.hcl and *.hcl.json. Other files in a directory are ignored.
func IsInventoryFile(name string) bool { return isInventoryFile(name) }

func isInventoryFile(name string) bool {
	return strings.HasSuffix(name, ".hcl") || strings.HasSuffix(name, ".hcl.json")
}

// collect lists the files of one inventory path: the file itself, or every
// inventory file beneath a directory in sorted order. Symbolic links inside
// a directory are not followed (they could point outside the tree or loop);
// hidden directories (.git, .terraform) are skipped.
func collect(fsys fs.FS, root string, limits Limits) ([]string, hcl.Diagnostics) {
	info, err := fs.Stat(fsys, root)
	if err != nil {
		return nil, hcl.Diagnostics{fileError(root, "Cannot read inventory", describe(err))}
	}
	if !info.IsDir() {
		if !isInventoryFile(root) {
			// Named explicitly (cities/* expands to cities/README.md too):
			// say so rather than parse it as HCL.
			return nil, hcl.Diagnostics{fileError(root, "Not an inventory file",
				fmt.Sprintf("%s is not an *.hcl or *.hcl.json file, so it is not read as an inventory. Name inventory files and directories only "+
					"(in a directory, other files are ignored; citygate check --each DIR checks each subdirectory).", root))}
		}
		return []string{root}, nil
	}
	var files []string
	var diags hcl.Diagnostics
	var walk func(dir string)
	walk = func(dir string) {
		entries, err := fs.ReadDir(fsys, dir)
		if err != nil {
			diags = append(diags, fileError(dir, "Cannot read directory", describe(err)))
			return
		}
		sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
		for _, e := range entries {
			p := path.Join(dir, e.Name())
			if e.Type()&fs.ModeSymlink != 0 {
				diags = append(diags, &hcl.Diagnostic{
					Severity: hcl.DiagWarning,
					Summary:  "Symbolic link not followed",
					Detail:   fmt.Sprintf("%s is a symbolic link; inventories are read without following links. Pass its target as its own path if it belongs to the inventory.", p),
					Subject:  fileStart(p),
				})
				continue
			}
			if e.IsDir() {
				if !strings.HasPrefix(e.Name(), ".") {
					walk(p)
				}
				continue
			}
			if isInventoryFile(e.Name()) {
				files = append(files, p)
			}
		}
	}
	walk(root)
	if len(files) > limits.MaxFiles {
		diags = append(diags, fileError(root, "Too many files",
			fmt.Sprintf("%s holds %d inventory files; the limit is %d (limits.max_files). Split it into several inventories.", root, len(files), limits.MaxFiles)))
		return nil, diags
	}
	if len(files) == 0 && !diags.HasErrors() {
		diags = append(diags, fileError(root, "No inventory files",
			fmt.Sprintf("%s contains no *.hcl or *.hcl.json file.", root)))
	}
	return files, diags
}

// describe strips the operation prefix os errors carry, since the
// diagnostic already names the file.
func describe(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		return fmt.Sprintf("%s: %v.", pe.Path, pe.Err)
	}
	return err.Error()
}

func fileStart(name string) *hcl.Range {
	return &hcl.Range{Filename: name, Start: hcl.InitialPos, End: hcl.InitialPos}
}

func fileError(name, summary, detail string) *hcl.Diagnostic {
	return &hcl.Diagnostic{Severity: hcl.DiagError, Summary: summary, Detail: detail, Subject: fileStart(name)}
}

// List returns the files an inventory path consists of, as Load reads
// them, for tools that look at the files themselves (fixture markers, fmt).
func List(fsys fs.FS, root string, limits Limits) ([]string, hcl.Diagnostics) {
	return collect(fsys, root, limits.WithDefaults())
}
