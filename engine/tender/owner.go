package tender

import (
	"encoding/json"
	"strconv"
	"strings"
	"sync"

	"github.com/citygate/citygate/schemas"
)

// Owners of inventory fields, as the schema's x-owner says.
const (
	OwnerCity   = "city"
	OwnerVendor = "vendor"
	OwnerEither = "either"
)

var (
	systemSchemaOnce sync.Once
	systemSchema     map[string]any
)

// systemProps is the schema of a system block.
func systemProps() map[string]any {
	systemSchemaOnce.Do(func() {
		var doc map[string]any
		if err := json.Unmarshal(schemas.Inventory, &doc); err != nil {
			panic("embedded inventory schema: " + err.Error())
		}
		props, _ := doc["properties"].(map[string]any)
		systems, _ := props["systems"].(map[string]any)
		systemSchema, _ = systems["items"].(map[string]any)
	})
	return systemSchema
}

// FieldOwner is who sets a system field path as findings name it
// ("auth.mfa_remote", "assessment.pia.date", "data.shared_with.0.agreement"):
// the x-owner of the deepest schema property on the path. A path the
// schema does not describe is the vendor's, so that nothing a bid must
// answer for is moved off its verdict by a typo in a rule.
func FieldOwner(field string) string {
	owner := OwnerVendor
	if field == "" {
		return owner
	}
	cur := systemProps()
	segs := strings.Split(field, ".")
	for i := 0; i < len(segs); i++ {
		next, skipLabel := property(cur, segs[i])
		if next == nil {
			if _, err := strconv.Atoi(segs[i]); err == nil {
				continue // a list index: stay on the item schema
			}
			break
		}
		if o, ok := next["x-owner"].(string); ok {
			owner = o
		}
		cur = next
		if items, ok := cur["items"].(map[string]any); ok {
			cur = items
		}
		if skipLabel {
			i++
		}
	}
	return owner
}

// property finds a property by name, or a labelled block by its HCL type
// (assessment "pia" is the property assessments), in which case the next
// path segment is the label.
func property(obj map[string]any, name string) (map[string]any, bool) {
	props, _ := obj["properties"].(map[string]any)
	if p, ok := props[name].(map[string]any); ok {
		return p, false
	}
	for _, raw := range props {
		p, _ := raw.(map[string]any)
		hb, _ := p["x-hcl-block"].(map[string]any)
		if hb != nil && hb["type"] == name {
			_, labelled := hb["label"].(string)
			return p, labelled
		}
	}
	return nil, false
}
