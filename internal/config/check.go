package config

import (
	"fmt"
	"os"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/citygate/citygate/internal/didyoumean"
)

// CheckFile reads a config file and reports its first problem with file,
// line and column: YAML syntax, a top level that is not a map, or a key
// citygate does not know (a typo must not silently keep a default).
func CheckFile(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if len(doc.Content) == 0 {
		return nil
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return fmt.Errorf("%s:%d:%d: the config file must be a map of settings", path, top.Line, top.Column)
	}
	return checkKeys(path, top, Keys, "")
}

func checkKeys(path string, m *yaml.Node, known []string, prefix string) error {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if !slices.Contains(known, k.Value) {
			hint := ""
			if best := didyoumean.Closest(k.Value, known); best != "" {
				hint = fmt.Sprintf("; did you mean %q?", prefix+best)
			}
			return fmt.Errorf("%s:%d:%d: unknown setting %q%s", path, k.Line, k.Column, prefix+k.Value, hint)
		}
		if sub, ok := nested[k.Value]; ok && prefix == "" {
			if v.Kind != yaml.MappingNode {
				return fmt.Errorf("%s:%d:%d: %s must be a map", path, v.Line, v.Column, k.Value)
			}
			if err := checkKeys(path, v, sub, k.Value+"."); err != nil {
				return err
			}
		}
		if k.Value == "params" && v.Kind != yaml.MappingNode {
			return fmt.Errorf("%s:%d:%d: params must be a map of parameter names to values", path, v.Line, v.Column)
		}
	}
	return nil
}
