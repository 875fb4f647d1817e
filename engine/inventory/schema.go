package inventory

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/citygate/citygate/schemas"
)

// Schema is a language the loader reads: a JSON Schema whose x-hcl-block
// annotations say which properties are HCL blocks. Inventories are one such
// language; a tender file is another. Everything else about loading (limits,
// the literal-only expressions, located diagnostics) is the same for all.
type Schema struct {
	name string
	raw  []byte
	// topWhere words the top level in messages ("at the top level, which
	// holds ...").
	topWhere string

	specOnce sync.Once
	spec     *blockSpec

	compileOnce sync.Once
	compiled    *jsonschema.Schema
}

// NewSchema wraps an embedded JSON Schema. name is the resource name it
// is compiled under; topLevel lists the block types the top level holds,
// for messages (e.g. "tender and waiver blocks").
func NewSchema(name string, raw []byte, topLevel string) *Schema {
	return &Schema{name: name, raw: raw, topWhere: "at the top level, which holds " + topLevel}
}

// InventorySchema is schemas/inventory.schema.json, the default language.
var InventorySchema = NewSchema("inventory.schema.json", schemas.Inventory,
	"city, system, zone, excavation and waiver blocks")

func (s *Schema) orDefault() *Schema {
	if s == nil {
		return InventorySchema
	}
	return s
}

// topLevel is the spec of a file's top-level body, read once from the schema.
func (s *Schema) topLevel() *blockSpec {
	s.specOnce.Do(func() {
		var doc map[string]any
		if err := json.Unmarshal(s.raw, &doc); err != nil {
			panic(fmt.Sprintf("embedded schema %s: %v", s.name, err))
		}
		s.spec = specFromObject("", "", "", false, doc)
		s.spec.where = s.topWhere
	})
	return s.spec
}

// compiledSchema is the schema compiled once, with formats (dates, URIs)
// asserted rather than only annotated.
func (s *Schema) compiledSchema() *jsonschema.Schema {
	s.compileOnce.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(s.raw))
		if err != nil {
			panic(fmt.Sprintf("embedded schema %s: %v", s.name, err))
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if err := c.AddResource(s.name, doc); err != nil {
			panic(err)
		}
		s.compiled = c.MustCompile(s.name)
	})
	return s.compiled
}

// ExtendedSchema is the inventory language with the extension blocks of
// loaded policy packs: raw is the inventory schema with their fragments
// placed in (pack.ExtendSchema). Unlike the embedded schemas it comes from
// user files, so it is compiled here and a problem is an error, not a
// panic while loading. raw equal to the embedded schema gives
// InventorySchema itself.
func ExtendedSchema(raw []byte) (*Schema, error) {
	if bytes.Equal(raw, schemas.Inventory) {
		return InventorySchema, nil
	}
	s := NewSchema(InventorySchema.name, raw, "city, system, zone, excavation and waiver blocks")
	s.topWhere = InventorySchema.topWhere
	var err error
	s.compileOnce.Do(func() {
		var doc any
		if doc, err = jsonschema.UnmarshalJSON(bytes.NewReader(raw)); err != nil {
			return
		}
		c := jsonschema.NewCompiler()
		c.AssertFormat()
		if err = c.AddResource(s.name, doc); err != nil {
			return
		}
		s.compiled, err = c.Compile(s.name)
	})
	if err != nil {
		return nil, fmt.Errorf("inventory schema with pack extensions: %w", err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return nil, fmt.Errorf("inventory schema with pack extensions: %w", err)
	}
	return s, nil
}

// Raw is the schema's JSON text.
func (s *Schema) Raw() []byte { return bytes.Clone(s.orDefault().raw) }
