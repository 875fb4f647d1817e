package config

import (
	"errors"
	"fmt"
	"os"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/citygate/citygate/internal/didyoumean"
)

// CheckFile reads a config file and reports every problem with file, line
// and column, in file order: YAML syntax, a top level that is not a map,
// a key citygate does not know (a typo must not silently keep a default),
// or a nested setting that is not a map. One problem per line of the
// returned error (errors.Join).
func CheckFile(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return Check(path, b)
}

// Check is CheckFile on the bytes of a file named path.
func Check(path string, b []byte) error {
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
	var probs []problem
	checkKeys(top, Keys, "", &probs)
	slices.SortStableFunc(probs, func(a, b problem) int {
		if a.line != b.line {
			return a.line - b.line
		}
		return a.column - b.column
	})
	errs := make([]error, len(probs))
	for i, p := range probs {
		errs[i] = fmt.Errorf("%s:%d:%d: %s", path, p.line, p.column, p.message)
	}
	return errors.Join(errs...)
}

// problem is one located mistake in a config file.
type problem struct {
	line, column int
	message      string
}

func at(n *yaml.Node, format string, args ...any) problem {
	return problem{line: n.Line, column: n.Column, message: fmt.Sprintf(format, args...)}
}

func checkKeys(m *yaml.Node, known []string, prefix string, probs *[]problem) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if !slices.Contains(known, k.Value) {
			hint := ""
			if best := didyoumean.Closest(k.Value, known); best != "" {
				hint = fmt.Sprintf("; did you mean %q?", prefix+best)
			}
			*probs = append(*probs, at(k, "unknown setting %q%s", prefix+k.Value, hint))
			continue
		}
		if sub, ok := nested[k.Value]; ok && prefix == "" {
			if v.Kind != yaml.MappingNode {
				*probs = append(*probs, at(v, "%s must be a map", k.Value))
				continue
			}
			checkKeys(v, sub, k.Value+".", probs)
		}
		if k.Value == "rules" && prefix == "" {
			checkRules(v, probs)
		}
		if k.Value == "params" && prefix == "" && v.Kind != yaml.MappingNode {
			*probs = append(*probs, at(v, "params must be a map of parameter names to values"))
		}
	}
}
