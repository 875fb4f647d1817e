package config

import (
	"fmt"
	"os"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/internal/didyoumean"
	"github.com/citygate/citygate/internal/pathglob"
)

// checkRules checks the rules: setting's shape: a map of rule ids to maps
// of known keys with valid values. Whether each id names a loaded rule is
// known only once the policies are loaded (CheckRuleIDs).
func checkRules(v *yaml.Node, probs *[]problem) {
	if v.Kind != yaml.MappingNode {
		*probs = append(*probs, at(v, "rules must be a map of rule ids to settings, such as rules: {SEC-016: {severity: medium}}"))
		return
	}
	for i := 0; i+1 < len(v.Content); i += 2 {
		id, entry := v.Content[i], v.Content[i+1]
		key := "rules." + id.Value
		if entry.Kind != yaml.MappingNode {
			*probs = append(*probs, at(entry, "%s must be a map with severity, enabled or paths", key))
			continue
		}
		changes := false
		for j := 0; j+1 < len(entry.Content); j += 2 {
			k, val := entry.Content[j], entry.Content[j+1]
			name := key + "." + k.Value
			switch k.Value {
			case "severity":
				if val.Kind != yaml.ScalarNode || !finding.Severity(val.Value).Valid() {
					*probs = append(*probs, at(val, "%s must be one of critical, high, medium, low, got %s", name, shown(val)))
				}
				changes = true
			case "enabled":
				if val.Kind != yaml.ScalarNode || val.Tag != "!!bool" {
					*probs = append(*probs, at(val, "%s must be true or false, got %s", name, shown(val)))
					changes = true // reported already
				} else if val.Value == "false" || val.Value == "False" || val.Value == "FALSE" {
					changes = true
				}
			case "paths":
				checkPaths(val, name, probs)
			default:
				hint := ""
				if best := didyoumean.Closest(k.Value, ruleKeys); best != "" {
					hint = fmt.Sprintf("; did you mean %q?", key+"."+best)
				}
				*probs = append(*probs, at(k, "unknown setting %q%s", name, hint))
				changes = true // reported already
			}
		}
		if !changes {
			*probs = append(*probs, at(id, "%s changes nothing: set severity, or enabled: false", key))
		}
	}
}

func checkPaths(val *yaml.Node, name string, probs *[]problem) {
	if val.Kind != yaml.SequenceNode {
		*probs = append(*probs, at(val, "%s must be a list of path globs", name))
		return
	}
	for _, p := range val.Content {
		if p.Kind != yaml.ScalarNode || p.Tag != "!!str" {
			*probs = append(*probs, at(p, "%s must be a list of path globs, got %s", name, shown(p)))
			continue
		}
		if _, err := pathglob.Compile(p.Value); err != nil {
			*probs = append(*probs, at(p, "%s: %v", name, err))
		}
	}
}

// shown is a YAML value as an error quotes it.
func shown(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a map"
	case yaml.SequenceNode:
		return "a list"
	}
	return fmt.Sprintf("%q", n.Value)
}

// ReadRules reads the rules: setting of a config file with its rule ids
// as written (viper lower-cases map keys) and where each is. The file
// has passed Check, so its shape is right; nil when it has no rules.
func ReadRules(path string) (map[string]RuleOverride, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, err
	}
	top := doc.Content[0]
	for i := 0; i+1 < len(top.Content); i += 2 {
		if top.Content[i].Value != "rules" {
			continue
		}
		v := top.Content[i+1]
		out := map[string]RuleOverride{}
		for j := 0; j+1 < len(v.Content); j += 2 {
			id := v.Content[j]
			var raw struct {
				Severity string   `yaml:"severity"`
				Enabled  *bool    `yaml:"enabled"`
				Paths    []string `yaml:"paths"`
			}
			if err := v.Content[j+1].Decode(&raw); err != nil {
				return nil, fmt.Errorf("%s:%d:%d: rules.%s: %v", path, id.Line, id.Column, id.Value, err)
			}
			o := RuleOverride{Severity: raw.Severity, Enabled: raw.Enabled, Paths: raw.Paths, Line: id.Line, Column: id.Column}
			out[id.Value] = o
		}
		return out, nil
	}
	return nil, nil
}

// CheckRuleIDs reports, located in the config file, every rules: id that
// no loaded policy defines, with the closest known id. known says whether
// an id is defined (even if --rule or --skip-rule leaves it out); ids are
// the ids to suggest from.
func CheckRuleIDs(path string, rules map[string]RuleOverride, known func(string) bool, ids []string) error {
	var msgs []string
	keys := make([]string, 0, len(rules))
	for id := range rules {
		keys = append(keys, id)
	}
	slices.SortFunc(keys, func(a, b string) int { return rules[a].Line - rules[b].Line })
	for _, id := range keys {
		if known(id) {
			continue
		}
		hint := "; run `citygate rules` to list rule ids"
		if best := didyoumean.Closest(id, ids); best != "" {
			hint = fmt.Sprintf("; did you mean %q?", best)
		}
		o := rules[id]
		msgs = append(msgs, fmt.Sprintf("%s:%d:%d: rules.%s: no loaded rule has this id%s", path, o.Line, o.Column, id, hint))
	}
	if len(msgs) == 0 {
		return nil
	}
	return fmt.Errorf("%s", strings.Join(msgs, "\n"))
}
