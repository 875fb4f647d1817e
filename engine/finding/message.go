package finding

import (
	"encoding/json"
	"fmt"
	"math/big"
	"sort"
	"strconv"
	"strings"
)

// NotStatedTemplate is the template id a rule may define in its messages
// to word its not-stated findings; GenericNotStated is the text used when
// it does not. Both are rendered with the args kind, id and field.
const (
	NotStatedTemplate = "not_stated"
	GenericNotStated  = "{kind} {id} does not state {field}, which this rule needs to decide"
)

// RenderMessage renders a rule's message template: each {name} is replaced
// by args[name], strings as they are and numbers as Rego's sprintf("%v")
// prints them (integers without decimals), so a rule's English output is
// what its version-1 sprintf produced. A template the rule does not define,
// a placeholder with no argument, or an argument that is not a string,
// number or boolean is an error naming the rule and template: a message is
// never silently empty.
func RenderMessage(rule *Rule, template string, args map[string]any) (string, error) {
	text, ok := rule.Messages[template]
	if !ok {
		return "", fmt.Errorf("rule %s (%s) uses message template %q, which its METADATA custom.messages does not define", rule.ID, rule.File, template)
	}
	out, err := Render(text, args)
	if err != nil {
		return "", fmt.Errorf("rule %s (%s), message template %q: %w", rule.ID, rule.File, template, err)
	}
	return out, nil
}

// NotStatedMessage words a not_stated finding: the rule's own
// messages.not_stated if it has one, else GenericNotStated.
func NotStatedMessage(rule *Rule, r Resource, field string) (string, error) {
	args := map[string]any{"kind": r.Kind, "id": r.ID, "field": field}
	if _, ok := rule.Messages[NotStatedTemplate]; ok {
		return RenderMessage(rule, NotStatedTemplate, args)
	}
	return Render(GenericNotStated, args)
}

// Render replaces each {name} of text (name: letters, digits and
// underscores, not starting with a digit) by its argument. Other braces
// are kept as they are.
func Render(text string, args map[string]any) (string, error) {
	var b strings.Builder
	b.Grow(len(text) + 64) // one allocation for most messages
	rest := text
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			b.WriteString(rest)
			return b.String(), nil
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 || !IsPlaceholderName(rest[open+1:open+end]) {
			b.WriteString(rest[:open+1])
			rest = rest[open+1:]
			continue
		}
		name := rest[open+1 : open+end]
		v, ok := args[name]
		if !ok {
			return "", fmt.Errorf("placeholder {%s} has no argument (arguments: %s)", name, argNames(args))
		}
		s, err := argText(v)
		if err != nil {
			return "", fmt.Errorf("argument %s: %w", name, err)
		}
		b.WriteString(rest[:open])
		b.WriteString(s)
		rest = rest[open+end+1:]
	}
}

// Placeholders lists the {name} placeholders of a template, in order.
func Placeholders(text string) []string {
	var out []string
	rest := text
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			return out
		}
		end := strings.IndexByte(rest[open:], '}')
		if end >= 0 && IsPlaceholderName(rest[open+1:open+end]) {
			out = append(out, rest[open+1:open+end])
			rest = rest[open+end+1:]
			continue
		}
		rest = rest[open+1:]
	}
}

// IsPlaceholderName reports whether s can name a {placeholder} of a
// message template: a letter or underscore, then letters, digits and
// underscores; or several such names joined by dots, the path of a
// parameter in a remediation ({params.retention_max_days.video}).
// Catalogs of other languages use the same rule.
func IsPlaceholderName(s string) bool {
	for {
		part, rest, more := strings.Cut(s, ".")
		if !isIdentifier(part) {
			return false
		}
		if !more {
			return true
		}
		s = rest
	}
}

func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		switch {
		case c == '_', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		case c >= '0' && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// argText prints an argument as Rego's sprintf("%v") does.
func argText(v any) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case bool:
		return strconv.FormatBool(x), nil
	case json.Number:
		return numberText(string(x)), nil
	case float64:
		return numberText(strconv.FormatFloat(x, 'g', -1, 64)), nil
	case int:
		return strconv.Itoa(x), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	}
	return "", fmt.Errorf("is %v; message arguments must be strings or numbers (pre-format lists with concat)", v)
}

// numberText mirrors OPA's sprintf: an integer prints without decimals,
// anything else as Go prints a float64.
func numberText(s string) string {
	if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		return strconv.FormatInt(i, 10)
	}
	if i, ok := new(big.Int).SetString(s, 10); ok {
		return i.String()
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return fmt.Sprint(f)
	}
	return s
}

func argNames(args map[string]any) string {
	if len(args) == 0 {
		return "none"
	}
	names := make([]string, 0, len(args))
	for k := range args {
		names = append(names, k)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}
