package pack

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/citygate/citygate/internal/didyoumean"
)

// Problem is one thing wrong with a pack's params, worded for the user:
// Message names the config key path (params.custom.lisboa.home_country).
type Problem struct {
	Message string
	Hint    string
}

var printer = message.NewPrinter(language.English)

// Params are the pack's effective params: the defaults of its params
// schema with overrides (the value of params.custom.<Name> in the
// config, nil when absent) merged in, validated against the schema.
// Every problem is returned, in path order.
func (p *Pack) Params(overrides any) (map[string]any, []Problem) {
	key := "params.custom." + p.Manifest.Name
	if p.params == nil {
		if overrides == nil {
			return map[string]any{}, nil
		}
		return nil, []Problem{{
			Message: fmt.Sprintf("pack %s (%s) declares no params, yet %s is set", p.Manifest.Name, p.Root, key),
			Hint:    fmt.Sprintf("add params_schema: <file> to %s, a JSON Schema of the params with their defaults", ManifestFile),
		}}
	}
	values := map[string]any{}
	if overrides != nil {
		norm, err := normalize(overrides)
		if err != nil {
			return nil, []Problem{{Message: fmt.Sprintf("%s: %v", key, err)}}
		}
		m, ok := norm.(map[string]any)
		if !ok {
			return nil, []Problem{{Message: fmt.Sprintf("%s must be a map of parameter names to values, got %v", key, overrides)}}
		}
		values = m
	}
	applyDefaults(p.ParamsSchema, values)
	err := p.params.Validate(any(values))
	verr, ok := err.(*jsonschema.ValidationError)
	if err == nil {
		return values, nil
	}
	if !ok {
		return nil, []Problem{{Message: fmt.Sprintf("%s: %v", key, err)}}
	}
	var leaves []*jsonschema.ValidationError
	collectLeaves(verr, &leaves)
	var probs []Problem
	for _, l := range leaves {
		probs = append(probs, p.problem(key, l, values)...)
	}
	sort.SliceStable(probs, func(i, j int) bool { return probs[i].Message < probs[j].Message })
	return nil, probs
}

// normalize turns a value decoded from YAML (ints, nested maps) into
// JSON's types, as the schema validator and Rego expect them.
func normalize(v any) (any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var out any
	err = json.Unmarshal(b, &out)
	return out, err
}

// applyDefaults fills in, recursively, the default of every property the
// values leave out.
func applyDefaults(schema map[string]any, values map[string]any) {
	props, _ := schema["properties"].(map[string]any)
	for _, name := range sortedKeys(props) {
		ps, _ := props[name].(map[string]any)
		v, set := values[name]
		if !set {
			if d, ok := ps["default"]; ok {
				values[name] = CloneJSON(d)
				continue
			}
			if _, nested := ps["properties"]; nested {
				sub := map[string]any{}
				applyDefaults(ps, sub)
				if len(sub) > 0 {
					values[name] = sub
				}
			}
			continue
		}
		if m, ok := v.(map[string]any); ok {
			applyDefaults(ps, m)
		}
	}
}

func collectLeaves(e *jsonschema.ValidationError, out *[]*jsonschema.ValidationError) {
	if len(e.Causes) == 0 {
		*out = append(*out, e)
		return
	}
	for _, c := range e.Causes {
		collectLeaves(c, out)
	}
}

// problem words one validation error with the config key it concerns.
func (p *Pack) problem(key string, e *jsonschema.ValidationError, values map[string]any) []Problem {
	at := strings.Join(append([]string{key}, e.InstanceLocation...), ".")
	switch k := e.ErrorKind.(type) {
	case *kind.AdditionalProperties:
		known := propertyNames(schemaAt(p.ParamsSchema, e.InstanceLocation))
		var out []Problem
		for _, name := range slices.Sorted(slices.Values(k.Properties)) {
			pr := Problem{Message: fmt.Sprintf("unknown parameter %s.%s", at, name),
				Hint: fmt.Sprintf("pack %s's params are %s (see its %s)", p.Manifest.Name, strings.Join(known, ", "), p.Manifest.ParamsSchema)}
			if best := didyoumean.Closest(name, known); best != "" {
				pr.Hint = fmt.Sprintf("did you mean %s?", best)
			}
			out = append(out, pr)
		}
		return out
	case *kind.Type:
		got, _ := json.Marshal(valueAt(values, e.InstanceLocation))
		return []Problem{{Message: fmt.Sprintf("parameter %s must be %s, got %s (%s)", at, withArticle(k.Want), got, withArticle([]string{k.Got}))}}
	case *kind.Required:
		return []Problem{{Message: fmt.Sprintf("parameter %s needs %s", at, strings.Join(k.Missing, ", ")),
			Hint: "set it in .citygate.yaml under " + at}}
	}
	return []Problem{{Message: fmt.Sprintf("parameter %s: %s", at, e.ErrorKind.LocalizedString(printer))}}
}

// schemaAt follows properties down an instance location.
func schemaAt(schema map[string]any, loc []string) map[string]any {
	cur := schema
	for _, s := range loc {
		props, _ := cur["properties"].(map[string]any)
		next, _ := props[s].(map[string]any)
		if next == nil {
			return nil
		}
		cur = next
	}
	return cur
}

func propertyNames(schema map[string]any) []string {
	props, _ := schema["properties"].(map[string]any)
	return sortedKeys(props)
}

// valueAt follows an instance location into the values.
func valueAt(v any, loc []string) any {
	for _, s := range loc {
		switch t := v.(type) {
		case map[string]any:
			v = t[s]
		case []any:
			var i int
			if _, err := fmt.Sscanf(s, "%d", &i); err != nil || i < 0 || i >= len(t) {
				return nil
			}
			v = t[i]
		default:
			return nil
		}
	}
	return v
}

// withArticle words JSON type names: "an integer or a string".
func withArticle(types []string) string {
	out := make([]string, len(types))
	for i, t := range types {
		if t == "integer" || t == "object" || t == "array" {
			out[i] = "an " + t
		} else {
			out[i] = "a " + t
		}
	}
	return strings.Join(out, " or ")
}
