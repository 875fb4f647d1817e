package i18n

import "github.com/citygate/citygate/engine/finding"

// findingTemplate is what a finding's message was rendered from: the
// rule's template id (empty for the generic not-stated text) and its
// arguments; ok is false for a message given as text.
//
// TODO(after rule library v2 lands): read f.Template, f.Args and f.Status.
func findingTemplate(f *finding.Finding) (template string, args map[string]any, ok bool) {
	return "", nil, false
}
