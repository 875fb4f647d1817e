package inventory

import (
	"sort"
)

// blockSpec is what the schema says one kind of HCL block may contain.
type blockSpec struct {
	// typeName is the HCL block type ("system"); prop is the document
	// property it becomes ("systems"); label is the property that carries
	// the block's label ("id"), empty for unlabelled blocks.
	typeName string
	prop     string
	label    string
	repeated bool
	// repeatLabel allows several blocks with one label (waivers of one rule).
	repeatLabel bool
	// description is the schema's description, for messages.
	description string
	// where words the top level in messages; empty below it.
	where  string
	attrs  map[string]bool
	blocks map[string]*blockSpec
	// upper holds the attributes whose string values (or list items) are
	// codes matched case-insensitively (x-normalize: upper): "vn" is VN.
	upper map[string]bool
	// keyed, when not nil, makes this a keyed block type (x-hcl-block
	// keyed: extension "NAME" { ... }): its label selects the spec of the
	// body, and the document holds the blocks as an object by label.
	keyed map[string]*blockSpec
}

// names lists attribute and block names, for "did you mean" hints.
func (s *blockSpec) names() []string {
	out := make([]string, 0, len(s.attrs)+len(s.blocks))
	for a := range s.attrs {
		out = append(out, a)
	}
	for b := range s.blocks {
		out = append(out, b)
	}
	sort.Strings(out)
	return out
}

// topLevel is the spec of an inventory file's top-level body.
func topLevel() *blockSpec { return InventorySchema.topLevel() }

// specFromObject reads an object schema's properties: those annotated with
// x-hcl-block are child blocks, the others attributes.
func specFromObject(typeName, prop, label string, repeated bool, obj map[string]any) *blockSpec {
	s := &blockSpec{typeName: typeName, prop: prop, label: label, repeated: repeated,
		attrs: map[string]bool{}, blocks: map[string]*blockSpec{}, upper: map[string]bool{}}
	s.description, _ = obj["description"].(string)
	props, _ := obj["properties"].(map[string]any)
	for name, raw := range props {
		p, _ := raw.(map[string]any)
		hb, isBlock := p["x-hcl-block"].(map[string]any)
		if !isBlock {
			if name != label {
				s.attrs[name] = true
			}
			items, _ := p["items"].(map[string]any)
			if p["x-normalize"] == "upper" || items["x-normalize"] == "upper" {
				s.upper[name] = true
			}
			continue
		}
		bt, _ := hb["type"].(string)
		bl, _ := hb["label"].(string)
		if keyed, _ := hb["keyed"].(bool); keyed {
			s.blocks[bt] = keyedSpec(bt, name, bl, p)
			continue
		}
		body := p
		rep := p["type"] == "array"
		if rep {
			body, _ = p["items"].(map[string]any)
		}
		child := specFromObject(bt, name, bl, rep, body)
		child.repeatLabel, _ = hb["repeat_label"].(bool)
		if d, ok := p["description"].(string); ok {
			child.description = d
		}
		s.blocks[bt] = child
	}
	return s
}

// keyedSpec reads a keyed block type: each property of its object schema
// is one allowed label, with the body spec its schema gives.
func keyedSpec(typeName, prop, label string, obj map[string]any) *blockSpec {
	s := &blockSpec{typeName: typeName, prop: prop, label: label,
		attrs: map[string]bool{}, blocks: map[string]*blockSpec{}, upper: map[string]bool{},
		keyed: map[string]*blockSpec{}}
	s.description, _ = obj["description"].(string)
	props, _ := obj["properties"].(map[string]any)
	for name, raw := range props {
		p, _ := raw.(map[string]any)
		s.keyed[name] = specFromObject(typeName, name, "", false, p)
	}
	return s
}
