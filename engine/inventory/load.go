package inventory

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/citygate/citygate/engine/finding"
)

// Options tune loading.
type Options struct {
	Limits Limits
	// Schema is the language to read; nil means InventorySchema.
	Schema *Schema
	// slowPath turns fastParse off, for tests that compare both paths.
	slowPath bool
}

// Inventory is one loaded inventory: the normalized document policies read
// as input, and where everything in it came from.
type Inventory struct {
	// Path is the file or directory as the user named it.
	Path string
	// Name scopes fingerprints: the city id, or the path's base name for
	// an inventory without a city (a bid).
	Name string
	// Doc is the normalized document (an ast.Object), nil if loading failed.
	Doc ast.Value
	// Source locates resources and fields.
	Source *SourceMap
	// Files are the files read, by name, for snippets and diagnostics.
	Files map[string]*SourceFile
	// Resources are the declared cities, systems, zones, excavations and
	// waivers in file order.
	Resources []finding.ResourceLocation
	// Systems counts system blocks.
	Systems int
}

// Load reads one inventory path: a file, or every *.hcl and *.hcl.json
// file beneath a directory. It returns the inventory even when there are
// errors, so that callers can print diagnostics with snippets; Doc is nil
// unless the inventory is valid.
func Load(fsys fs.FS, root string, opts Options) (*Inventory, hcl.Diagnostics) {
	limits := opts.Limits.WithDefaults()
	schema := opts.Schema.orDefault()
	inv := &Inventory{Path: root, Files: map[string]*SourceFile{}}
	files, diags := collect(fsys, root, limits)
	if diags.HasErrors() {
		return inv, diags
	}
	w := &walker{}
	parsed := true
	rootNode := &Node{kind: blockNode}
	st := newObjectState(rootNode)
	for _, name := range files {
		file, body, fdiags := parseFile(fsys, name, limits, !opts.slowPath)
		diags = append(diags, fdiags...)
		if file == nil {
			parsed = false
			continue
		}
		inv.Files[name] = file
		if fdiags.HasErrors() {
			parsed = false
			continue
		}
		w.body(body, schema.topLevel(), st)
	}
	w.finish(st)
	diags = append(diags, w.diags...)
	inv.Source = &SourceMap{root: rootNode}
	inv.Resources, inv.Systems = resources(rootNode)
	inv.Name = inventoryName(root, rootNode)
	// Validate even when the walk found problems, so one run reports them
	// all; values the walk refused are absent and not reported twice.
	if parsed {
		diags = append(diags, validate(schema, st.obj, inv.Source)...)
	}
	sortDiagnostics(diags)
	diags = capDiagnostics(diags)
	if diags.HasErrors() {
		return inv, diags
	}
	inv.Doc = st.obj
	return inv, diags
}

// parseFile checks size, then nesting depth, then parses. The file is
// returned whenever its bytes were read, for diagnostic snippets, and the
// body the walker reads when it parsed. A native-syntax file that
// fastParse reads (when fast is set) skips the depth check and hclsyntax;
// one it refuses is counted with the reason.
func parseFile(fsys fs.FS, name string, limits Limits, fast bool) (*SourceFile, bodyView, hcl.Diagnostics) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, nil, hcl.Diagnostics{fileError(name, "Cannot read file", describe(err))}
	}
	if info.Size() > limits.MaxFileSize {
		return nil, nil, hcl.Diagnostics{fileError(name, "File too large",
			fmt.Sprintf("%s is %d bytes; the limit is %d (limits.max_file_size).", name, info.Size(), limits.MaxFileSize))}
	}
	src, err := readLimited(fsys, name, limits.MaxFileSize)
	if err != nil {
		return nil, nil, hcl.Diagnostics{fileError(name, "Cannot read file", describe(err))}
	}
	file := &SourceFile{Name: name, Bytes: src}
	isJSON := strings.HasSuffix(name, ".json")
	if fast && !isJSON {
		body, why := fastParseWhy(src, name, limits)
		if why == "" {
			countFast()
			file.Fast, file.nav = true, body
			return file, body, nil
		}
		countFallback(why)
		file.Fallback = why
	}
	if d := Precheck(src, name, limits); d.HasErrors() {
		return file, nil, stopAtEncodingError(d)
	}
	var parsed *hcl.File
	var diags hcl.Diagnostics
	if isJSON {
		parsed, diags = hcljson.Parse(src, name)
	} else {
		parsed, diags = hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	}
	if parsed == nil || diags.HasErrors() {
		if parsed != nil {
			file.nav = parsed.Nav
		}
		return file, nil, stopAtEncodingError(diags)
	}
	file.nav = parsed.Nav
	conv := &converter{src: src, limits: limits}
	if sb, ok := parsed.Body.(*hclsyntax.Body); ok {
		return file, syntaxBody{body: sb, conv: conv}, diags
	}
	return file, jsonBody{body: parsed.Body, conv: conv}, diags
}

// readLimited reads at most limit bytes, in case the file grew after Stat.
func readLimited(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s grew beyond %d bytes while being read", name, limit)
	}
	return b, nil
}

// resourceKinds are the top-level block types a finding can be about.
var resourceKinds = []string{"city", "system", "zone", "excavation", "waiver"}

func resources(rootNode *Node) ([]finding.ResourceLocation, int) {
	var out []finding.ResourceLocation
	systems := 0
	for _, k := range resourceKinds {
		g := rootNode.child(k)
		if g == nil {
			continue
		}
		for _, n := range g.items {
			out = append(out, finding.ResourceLocation{
				Resource: finding.Resource{Kind: k, ID: n.label},
				Location: Location(n.Header),
			})
		}
		if k == "system" {
			systems = len(g.items)
		}
	}
	return out, systems
}

func inventoryName(root string, rootNode *Node) string {
	if g := rootNode.child("city"); g != nil && len(g.items) > 0 {
		return g.items[0].label
	}
	base := path.Base(strings.ReplaceAll(root, "\\", "/"))
	base = strings.TrimSuffix(strings.TrimSuffix(base, ".json"), ".hcl")
	return base
}

// Location converts an hcl.Range to the finding model's location.
func Location(r hcl.Range) finding.Location {
	return finding.Location{
		File:  r.Filename,
		Start: finding.Position{Line: r.Start.Line, Column: r.Start.Column, Byte: r.Start.Byte},
		End:   finding.Position{Line: r.End.Line, Column: r.End.Column, Byte: r.End.Byte},
	}
}

// sortDiagnostics orders diagnostics by file and position, so output is
// the same whatever order the checks ran in.
func sortDiagnostics(diags hcl.Diagnostics) {
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := diags[i].Subject, diags[j].Subject
		if a == nil || b == nil {
			return a != nil
		}
		if a.Filename != b.Filename {
			return a.Filename < b.Filename
		}
		return a.Start.Byte < b.Start.Byte
	})
}
