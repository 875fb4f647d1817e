package i18n

import "github.com/citygate/citygate/engine/finding"

// findingTemplate is what a finding's message was rendered from: the
// rule's template id and its arguments. A not_stated finding is worded by
// the rule's messages.not_stated or, without one, the generic text; both
// take kind, id and field. ok is false for a message a version-1 rule gave
// as text, which cannot be translated.
func findingTemplate(f *finding.Finding) (template string, args map[string]any, ok bool) {
	switch {
	case f.Status == finding.StatusNotStated:
		args := map[string]any{"kind": f.Resource.Kind, "id": f.Resource.ID, "field": f.Field}
		if englishHas(messageKey(f.RuleID, finding.NotStatedTemplate)) {
			return finding.NotStatedTemplate, args, true
		}
		return "", args, true
	case f.Template != "":
		return f.Template, f.Args, true
	}
	return "", nil, false
}

// englishHas reports whether the English catalog defines key.
func englishHas(key string) bool {
	_, keys, err := loadBundle()
	if err != nil {
		return false
	}
	_, ok := keys[Default][key]
	return ok
}
