package policy

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"

	"github.com/citygate/citygate/internal/didyoumean"
	"github.com/citygate/citygate/policies"
)

// DefaultParams returns the thresholds of policies/params.json.
func DefaultParams() (map[string]any, error) {
	b, err := policies.FS.ReadFile("params.json")
	if err != nil {
		return nil, err
	}
	var p map[string]any
	if err := json.Unmarshal(b, &p); err != nil {
		return nil, fmt.Errorf("%s/params.json: %w", BuiltinPrefix, err)
	}
	return p, nil
}

// loadParams merges overrides into the defaults. An unknown key or a value
// of another JSON type is an error: a typo must not silently keep the
// default. Every error is returned, in the order of the parameters' paths,
// so the same overrides always give the same messages.
func loadParams(overrides map[string]any) (map[string]any, Errors) {
	params, err := DefaultParams()
	if err != nil {
		return nil, Errors{{File: BuiltinPrefix + "/params.json", Message: err.Error()}}
	}
	return params, mergeAll(params, overrides, "params")
}

// mergeAll merges every key of overrides into into, in key order.
func mergeAll(into, overrides map[string]any, path string) Errors {
	var errs Errors
	for _, k := range sortedKeys(overrides) {
		errs = append(errs, merge(into, k, overrides[k], path+"."+k)...)
	}
	return errs
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func merge(into map[string]any, key string, v any, path string) Errors {
	if e := mergeOne(into, key, v, path); e != nil {
		return Errors{e}
	}
	if d, ok := into[key].(map[string]any); ok {
		if m, ok := normalizeNumber(v).(map[string]any); ok {
			// A nested map keeps its defaults; each override key is merged
			// and checked on its own.
			return mergeAll(d, m, path)
		}
	}
	return nil
}

// mergeOne checks one override against its default and stores it; a
// nested map is left to merge.
func mergeOne(into map[string]any, key string, v any, path string) *Error {
	def, ok := into[key]
	if !ok {
		hint := "see docs/params.md for the list of parameters"
		if best := didyoumean.Closest(key, sortedKeys(into)); best != "" {
			hint = fmt.Sprintf("did you mean %s?", best)
		}
		return &Error{Message: fmt.Sprintf("unknown parameter %s", path), Hint: hint}
	}
	v = normalizeNumber(v)
	switch def.(type) {
	case map[string]any:
		if _, ok := v.(map[string]any); !ok {
			return &Error{Message: fmt.Sprintf("parameter %s must be a map, got %s", path, describeValue(v))}
		}
		return nil
	case float64:
		if _, ok := v.(float64); !ok {
			return &Error{Message: fmt.Sprintf("parameter %s must be a number, got %s", path, describeValue(v))}
		}
	case string:
		if _, ok := v.(string); !ok {
			return &Error{Message: fmt.Sprintf("parameter %s must be a string, got %s", path, describeValue(v))}
		}
	case []any:
		if _, ok := v.([]any); !ok {
			return &Error{Message: fmt.Sprintf("parameter %s must be a list, got %s", path, describeValue(v))}
		}
	case bool:
		if _, ok := v.(bool); !ok {
			return &Error{Message: fmt.Sprintf("parameter %s must be true or false, got %s", path, describeValue(v))}
		}
	}
	into[key] = v
	return nil
}

// describeValue names a parameter value's type with the value, so that a
// number written as a string ("36") does not read like a number:
// `the string "36"`, `the number 36`, `the list [a b]`.
func describeValue(v any) string {
	switch t := v.(type) {
	case nil:
		return "nothing (null)"
	case string:
		return fmt.Sprintf("the string %q", t)
	case float64:
		return "the number " + strconv.FormatFloat(t, 'f', -1, 64)
	case bool:
		return fmt.Sprintf("%t", t)
	case []any:
		b, _ := json.Marshal(t)
		return "the list " + string(b)
	case map[string]any:
		b, _ := json.Marshal(t)
		return "the map " + string(b)
	}
	return fmt.Sprintf("%v (%T)", v, v)
}

// normalizeNumber turns the integer types YAML decoders produce into
// float64, JSON's one number type.
func normalizeNumber(v any) any {
	switch n := v.(type) {
	case int:
		return float64(n)
	case int64:
		return float64(n)
	case uint64:
		return float64(n)
	case float32:
		return float64(n)
	case []string:
		out := make([]any, len(n))
		for i, s := range n {
			out[i] = s
		}
		return out
	}
	return v
}
