package pack

import (
	"fmt"
	"io/fs"
	"path"
	"sort"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Pack is a loaded policy pack: its manifest and the files the manifest
// names, decoded and checked, plus its data. It is what the policy
// loader, the inventory loader (extension blocks) and the bundle builder
// read; nothing in it changes once Open returns.
type Pack struct {
	Manifest Manifest
	// Root names the pack's directory in messages (a --policy argument).
	Root string
	// ParamsSchema is the decoded JSON Schema of params.custom.<Name>; nil
	// when the manifest names none.
	ParamsSchema map[string]any
	// Extensions are the extension blocks the pack declares, by name.
	Extensions map[string]ExtensionSchema
	// Data is the pack's data (data.json, data.yaml and data.yml files,
	// placed by OPA's directory convention), which rules read under
	// data.citygate.packs.<Name>; nil when the pack has no data file.
	Data map[string]any
	// DataFiles are the data files read, relative to Root, in order.
	DataFiles []string

	params *jsonschema.Schema
}

// ExtensionSchema is one declared extension block with its schema
// fragment, normalized (see normalizeFragment).
type ExtensionSchema struct {
	// File is the fragment's path relative to the pack root.
	File   string
	Blocks []string
	// Schema is the object schema the block's body is validated against
	// and rules are type-checked against.
	Schema map[string]any
}

// Open reads a pack from the root of fsys: the manifest (or the name made
// from root without one), the params schema and extension fragments it
// names, and every data file. root names the pack in messages. Every
// error names the file it is about.
func Open(fsys fs.FS, root string) (*Pack, error) {
	m, err := Load(fsys, root)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", root, err)
	}
	var params map[string]any
	if m.ParamsSchema != "" {
		if params, err = readSchema(fsys, root, m.ParamsSchema); err != nil {
			return nil, err
		}
	}
	fragments := map[string]map[string]any{}
	for _, name := range sortedKeys(m.Extensions) {
		if fragments[name], err = readSchema(fsys, root, m.Extensions[name].Schema); err != nil {
			return nil, err
		}
	}
	p := &Pack{Manifest: m, Root: root}
	if err := p.readData(fsys); err != nil {
		return nil, err
	}
	return Assemble(m, root, params, fragments, p.Data, p.DataFiles)
}

// Assemble makes a pack from its parts, read from a directory (Open) or
// elsewhere (an OPA bundle's files): the decoded params schema (nil for
// none), the decoded extension fragments by the manifest's extension
// names, and the data. It checks and compiles the schemas as Open does;
// the maps become the pack's own.
func Assemble(m Manifest, root string, params map[string]any, fragments map[string]map[string]any, data map[string]any, dataFiles []string) (*Pack, error) {
	p := &Pack{Manifest: m, Root: root, Extensions: map[string]ExtensionSchema{}, Data: data, DataFiles: dataFiles}
	if m.ParamsSchema != "" || params != nil {
		file := path.Join(root, m.ParamsSchema)
		if params == nil || params["type"] != "object" {
			return nil, fmt.Errorf("%s: the params schema must be an object schema (\"type\": \"object\")", file)
		}
		if _, set := params["additionalProperties"]; !set {
			// A typo in a city's config must not silently keep a default.
			params["additionalProperties"] = false
		}
		p.ParamsSchema = params
		var err error
		if p.params, err = compileSchema(root, m.ParamsSchema, params); err != nil {
			return nil, err
		}
	}
	for _, name := range sortedKeys(m.Extensions) {
		x := m.Extensions[name]
		doc := fragments[name]
		if doc == nil {
			return nil, fmt.Errorf("%s: extension %q: no schema", path.Join(root, x.Schema), name)
		}
		if err := normalizeFragment(doc); err != nil {
			return nil, fmt.Errorf("%s: extension %q: %w", path.Join(root, x.Schema), name, err)
		}
		if _, err := compileSchema(root, x.Schema, doc); err != nil {
			return nil, err
		}
		p.Extensions[name] = ExtensionSchema{File: x.Schema, Blocks: x.BlocksOf(), Schema: doc}
	}
	if p.Manifest.Name == "" && p.Data != nil {
		return nil, fmt.Errorf("%s: a pack with data files needs a name: add %s with name: <identifier>", root, ManifestFile)
	}
	return p, nil
}

// Named reports whether the pack takes a place under its name
// (data.citygate.packs.<Name>, params.custom.<Name>): it has a manifest
// or data. A plain directory of rules stays anonymous, so two of them
// with the same base name do not collide.
func (p *Pack) Named() bool {
	return p.Manifest.Name != "" && (p.Manifest.Declared || p.Data != nil)
}

// readSchema reads and decodes a JSON Schema file of the pack (.json, or
// .yaml/.yml).
func readSchema(fsys fs.FS, root, file string) (map[string]any, error) {
	name := path.Join(root, file)
	if !fs.ValidPath(file) {
		return nil, fmt.Errorf("%s: %q is not a path inside the pack", path.Join(root, ManifestFile), file)
	}
	if _, err := fs.Stat(fsys, file); err != nil {
		return nil, fmt.Errorf("%s: %w (named in %s)", name, unwrapPath(err), ManifestFile)
	}
	// JSON, or YAML when the file says so: decoded as a data file is.
	doc, err := decodeData(fsys, file)
	if err != nil {
		return nil, fmt.Errorf("%s: not a JSON Schema: %v", name, err)
	}
	return doc, nil
}

func unwrapPath(err error) error {
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err
	}
	return err
}

// normalizeFragment checks that an extension fragment is an object schema
// that can be placed inside the inventory schema, and closes it: an
// extension block holds only the attributes its schema declares, and the
// policy compiler then knows every field, so a misspelt one in a rule is
// a type error.
func normalizeFragment(doc map[string]any) error {
	if t, ok := doc["type"]; ok && t != "object" {
		return fmt.Errorf("the schema must be an object schema (\"type\": \"object\"), not %v", t)
	}
	if _, ok := doc["properties"].(map[string]any); !ok {
		return fmt.Errorf("the schema needs \"properties\": the attributes the block may hold")
	}
	if ref := findKey(doc, "$ref"); ref {
		return fmt.Errorf("$ref is not supported: the fragment is placed inside the inventory schema, so write it self-contained")
	}
	doc["type"] = "object"
	doc["additionalProperties"] = false
	delete(doc, "$schema")
	delete(doc, "$id")
	return nil
}

// findKey reports whether key appears anywhere in a decoded JSON value.
func findKey(v any, key string) bool {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			if k == key || findKey(x, key) {
				return true
			}
		}
	case []any:
		for _, x := range t {
			if findKey(x, key) {
				return true
			}
		}
	}
	return false
}

// compileSchema compiles a pack schema on its own, so a broken one is
// reported against its file before it is used anywhere.
func compileSchema(root, file string, doc map[string]any) (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	url := "pack:///" + path.Join(root, file)
	if err := c.AddResource(url, CloneJSON(doc)); err != nil {
		return nil, fmt.Errorf("%s: %v", path.Join(root, file), err)
	}
	s, err := c.Compile(url)
	if err != nil {
		return nil, fmt.Errorf("%s: not a valid JSON Schema: %v", path.Join(root, file), err)
	}
	return s, nil
}

// Names are the pack names of packs, sorted.
func Names(packs []*Pack) []string {
	out := make([]string, 0, len(packs))
	for _, p := range packs {
		out = append(out, p.Manifest.Name)
	}
	sort.Strings(out)
	return out
}

// Clone copies a pack with everything in it, so a caller that edits the
// copy changes nothing loaded.
func (p *Pack) Clone() *Pack {
	c := *p
	c.Manifest.Extensions = map[string]Extension{}
	for k, x := range p.Manifest.Extensions {
		x.Blocks = append([]string(nil), x.Blocks...)
		c.Manifest.Extensions[k] = x
	}
	if p.ParamsSchema != nil {
		c.ParamsSchema = CloneJSON(p.ParamsSchema).(map[string]any)
	}
	c.Extensions = map[string]ExtensionSchema{}
	for k, x := range p.Extensions {
		x.Blocks = append([]string(nil), x.Blocks...)
		x.Schema = CloneJSON(x.Schema).(map[string]any)
		c.Extensions[k] = x
	}
	if p.Data != nil {
		c.Data = CloneJSON(p.Data).(map[string]any)
	}
	c.DataFiles = append([]string(nil), p.DataFiles...)
	return &c
}

// CloneJSON deep-copies a decoded JSON value (maps, lists, scalars).
func CloneJSON(v any) any {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, x := range t {
			out[k] = CloneJSON(x)
		}
		return out
	case []any:
		out := make([]any, len(t))
		for i, x := range t {
			out[i] = CloneJSON(x)
		}
		return out
	}
	return v
}
