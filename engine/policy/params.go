package policy

import (
	"encoding/json"
	"fmt"
	"sort"

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
		return nil, fmt.Errorf("policies/params.json: %w", err)
	}
	return p, nil
}

// loadParams merges overrides into the defaults. An unknown key or a value
// of another JSON type is an error: a typo must not silently keep the default.
func loadParams(overrides map[string]any) (map[string]any, Errors) {
	params, err := DefaultParams()
	if err != nil {
		return nil, Errors{{File: "policies/params.json", Message: err.Error()}}
	}
	var errs Errors
	keys := make([]string, 0, len(overrides))
	for k := range overrides {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if e := merge(params, k, overrides[k], "params."+k); e != nil {
			errs = append(errs, e)
		}
	}
	return params, errs
}

func merge(into map[string]any, key string, v any, path string) *Error {
	def, ok := into[key]
	if !ok {
		names := make([]string, 0, len(into))
		for n := range into {
			names = append(names, n)
		}
		hint := "see docs/params.md for the list of parameters"
		if best := didyoumean.Closest(key, names); best != "" {
			hint = fmt.Sprintf("did you mean %s?", best)
		}
		return &Error{Message: fmt.Sprintf("unknown parameter %s", path), Hint: hint}
	}
	v = normalizeNumber(v)
	switch d := def.(type) {
	case map[string]any:
		m, ok := v.(map[string]any)
		if !ok {
			return &Error{Message: fmt.Sprintf("parameter %s must be a map, got %T", path, v)}
		}
		for k, sub := range m {
			if e := merge(d, k, sub, path+"."+k); e != nil {
				return e
			}
		}
		return nil
	case float64:
		if _, ok := v.(float64); !ok {
			return &Error{Message: fmt.Sprintf("parameter %s must be a number, got %v", path, v)}
		}
	case string:
		if _, ok := v.(string); !ok {
			return &Error{Message: fmt.Sprintf("parameter %s must be a string, got %v", path, v)}
		}
	case []any:
		if _, ok := v.([]any); !ok {
			return &Error{Message: fmt.Sprintf("parameter %s must be a list, got %v", path, v)}
		}
	case bool:
		if _, ok := v.(bool); !ok {
			return &Error{Message: fmt.Sprintf("parameter %s must be true or false, got %v", path, v)}
		}
	}
	into[key] = v
	return nil
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
