package tender

import (
	"encoding/json"

	"github.com/citygate/citygate/schemas"
)

// A skeleton is an inventory with every field the rules read, each
// commented with its description, allowed values, owner and the rules that
// read it, and its value left null: an unfilled skeleton loads, and every
// field a rule needs is reported not stated rather than passing.

// skelBlock is one block of a skeleton and what it holds.
type skelBlock struct {
	typeName, label string
	// labelProp is the property the label fills ("id", "kind").
	labelProp string
	schema    map[string]any
	attrs     map[string]*skelAttr
	blocks    map[string]*skelBlock
}

type skelAttr struct {
	name   string
	schema map[string]any
	rules  map[string]bool
}

func newSkelBlock(typeName, label, labelProp string, schema map[string]any) *skelBlock {
	return &skelBlock{typeName: typeName, label: label, labelProp: labelProp, schema: schema,
		attrs: map[string]*skelAttr{}, blocks: map[string]*skelBlock{}}
}

// add places one field path of a rule in the block's tree; false when the
// schema below the block does not describe the path. keep decides, from
// the field's owner, whether it belongs in this skeleton.
func (b *skelBlock) add(segs []string, ruleID string, keep func(owner string) bool) bool {
	cur, schema := b, b.schema
	for i := 0; i < len(segs); i++ {
		p, blockType, labelProp := lookupProperty(schema, segs[i])
		if p == nil {
			return false
		}
		if blockType == "" {
			if i != len(segs)-1 {
				return false
			}
			if !keep(ownerOf(p)) {
				return true
			}
			a := cur.attrs[segs[i]]
			if a == nil {
				a = &skelAttr{name: segs[i], schema: p, rules: map[string]bool{}}
				cur.attrs[segs[i]] = a
			}
			a.rules[ruleID] = true
			return true
		}
		body := p
		if items, ok := p["items"].(map[string]any); ok {
			body = items
		}
		label := ""
		if labelProp != "" {
			label = "example"
			if i+1 < len(segs) && segs[i+1] == labelProp {
				i++ // the label itself, e.g. city.kpi.code
				if i == len(segs)-1 && !keep(ownerOf(p)) {
					return true
				}
			} else if i+1 < len(segs) && !hasProperty(body, segs[i+1]) {
				if segs[i+1] != "*" {
					label = segs[i+1]
				}
				i++
			}
		}
		if !keep(ownerOf(p)) {
			return true
		}
		key := blockType + "\x00" + label
		child := cur.blocks[key]
		if child == nil {
			child = newSkelBlock(blockType, label, labelProp, body)
			cur.blocks[key] = child
		}
		cur, schema = child, body
	}
	return true
}

// lookupProperty finds an attribute by name or a block by its HCL type;
// for a block it returns the type and, when labelled, the label property.
func lookupProperty(obj map[string]any, name string) (p map[string]any, blockType, labelProp string) {
	props, _ := obj["properties"].(map[string]any)
	if q, ok := props[name].(map[string]any); ok {
		if _, isBlock := q["x-hcl-block"]; !isBlock {
			return q, "", ""
		}
	}
	for _, raw := range props {
		q, _ := raw.(map[string]any)
		hb, _ := q["x-hcl-block"].(map[string]any)
		if hb != nil && hb["type"] == name {
			l, _ := hb["label"].(string)
			return q, name, l
		}
	}
	return nil, "", ""
}

func hasProperty(obj map[string]any, name string) bool {
	props, _ := obj["properties"].(map[string]any)
	_, ok := props[name]
	return ok
}

func ownerOf(p map[string]any) string {
	if o, ok := p["x-owner"].(string); ok {
		return o
	}
	if items, ok := p["items"].(map[string]any); ok {
		if o, ok := items["x-owner"].(string); ok {
			return o
		}
	}
	return OwnerEither
}

// topSchemas are the inventory schema's top-level block bodies by type.
func topSchemas() map[string]map[string]any {
	var doc map[string]any
	if err := json.Unmarshal(schemas.Inventory, &doc); err != nil {
		panic("embedded inventory schema: " + err.Error())
	}
	out := map[string]map[string]any{}
	props, _ := doc["properties"].(map[string]any)
	for _, raw := range props {
		p, _ := raw.(map[string]any)
		hb, _ := p["x-hcl-block"].(map[string]any)
		t, _ := hb["type"].(string)
		body := p
		if items, ok := p["items"].(map[string]any); ok {
			body = items
		}
		out[t] = body
	}
	return out
}
