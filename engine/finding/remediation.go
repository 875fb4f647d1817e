package finding

import (
	"fmt"
	"strings"
)

// ParamPrefix starts the placeholders a remediation may hold: the path of
// a parameter under data.citygate.params, e.g. {params.pia_max_age_months}
// or {params.retention_max_days.video}. A fix text that names a threshold
// shows the value the run uses, so a city that sets video retention to 14
// days is not told to keep footage for at most 30.
const ParamPrefix = "params."

// RemediationArgs resolves the placeholders of a remediation against the
// params: each must name a parameter (ParamPrefix and its path) whose
// value is a string, a number, true or false, or a list of those (shown
// comma-separated). Anything else is an error naming the placeholder.
func RemediationArgs(text string, params map[string]any) (map[string]any, error) {
	names := Placeholders(text)
	if len(names) == 0 {
		return nil, nil
	}
	args := make(map[string]any, len(names))
	for _, name := range names {
		v, err := paramValue(name, params)
		if err != nil {
			return nil, err
		}
		args[name] = v
	}
	return args, nil
}

// RenderRemediation fills a remediation's placeholders from the params.
func RenderRemediation(text string, params map[string]any) (string, map[string]any, error) {
	args, err := RemediationArgs(text, params)
	if err != nil {
		return "", nil, err
	}
	if len(args) == 0 {
		return text, nil, nil
	}
	out, err := Render(text, args)
	return out, args, err
}

// paramValue is the value of the parameter a placeholder names, as a
// message argument.
func paramValue(name string, params map[string]any) (any, error) {
	path, ok := strings.CutPrefix(name, ParamPrefix)
	if !ok {
		return nil, fmt.Errorf("remediation placeholder {%s} names no parameter: write {%sNAME}, e.g. {%spia_max_age_months}", name, ParamPrefix, ParamPrefix)
	}
	var v any = params
	walked := strings.TrimSuffix(ParamPrefix, ".")
	for _, key := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("remediation placeholder {%s}: %s is not a map of parameters", name, walked)
		}
		if v, ok = m[key]; !ok {
			return nil, fmt.Errorf("remediation placeholder {%s} names no parameter: %s has no %s", name, walked, key)
		}
		walked += "." + key
	}
	switch t := v.(type) {
	case map[string]any:
		return nil, fmt.Errorf("remediation placeholder {%s} is a map of parameters: name one of its keys, e.g. {%s.%s}", name, name, firstKey(t))
	case []any:
		parts := make([]string, len(t))
		for i, x := range t {
			s, err := argText(x)
			if err != nil {
				return nil, fmt.Errorf("remediation placeholder {%s}: %w", name, err)
			}
			parts[i] = s
		}
		return strings.Join(parts, ", "), nil
	}
	if _, err := argText(v); err != nil {
		return nil, fmt.Errorf("remediation placeholder {%s}: %w", name, err)
	}
	return v, nil
}

func firstKey(m map[string]any) string {
	first := ""
	for k := range m {
		if first == "" || k < first {
			first = k
		}
	}
	return first
}
