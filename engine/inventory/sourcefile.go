package inventory

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
)

// SourceFile is one file of an inventory as it was read: its bytes, for
// snippets, and how it was parsed. It answers ContextString whichever
// parser read it, so printers can name the block a position is in.
type SourceFile struct {
	Name  string
	Bytes []byte
	// Fast is set when the fast parser read the file. Fallback says why
	// a native-syntax file was not ("" for fast and JSON files, and when
	// the fast parser was not tried).
	Fast     bool
	Fallback FallbackReason
	// nav is what can name the block at an offset: the fast parser's body
	// or hcl's (nil when the file did not parse).
	nav any
}

// ContextString names the block that holds a byte offset, as hcl's
// diagnostic printer does (`system "cctv"`), or "".
func (f *SourceFile) ContextString(offset int) string {
	if cs, ok := f.nav.(interface{ ContextString(int) string }); ok {
		return cs.ContextString(offset)
	}
	return ""
}

// HCLFile presents the file to hcl's diagnostic printers, which read only
// Bytes and Nav.
func (f *SourceFile) HCLFile() *hcl.File { return &hcl.File{Bytes: f.Bytes, Nav: f} }

// HCLFiles are the inventory's files for hcl's diagnostic printers.
func (inv *Inventory) HCLFiles() map[string]*hcl.File {
	out := make(map[string]*hcl.File, len(inv.Files))
	for name, f := range inv.Files {
		out[name] = f.HCLFile()
	}
	return out
}

// Fallbacks lists the native-syntax files of the inventory that the fast
// parser did not read, and why, in name order.
func (inv *Inventory) Fallbacks() []Fallback {
	var out []Fallback
	for _, name := range sortedNames(inv.Files) {
		if r := inv.Files[name].Fallback; r != "" {
			out = append(out, Fallback{File: name, Reason: r})
		}
	}
	return out
}

func sortedNames(files map[string]*SourceFile) []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
