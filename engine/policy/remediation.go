package policy

import (
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/citygate/citygate/engine/finding"
)

// fillRemediation renders a rule's custom.remediation with the effective
// params: the text as written stays the template translations follow,
// and the rendered text is what every report shows. A placeholder that
// names no parameter is an error at the METADATA block, found when the
// policy loads rather than in a report.
func fillRemediation(r *finding.Rule, params map[string]any, m *ast.Module) *Error {
	r.RemediationTemplate = r.Remediation
	text, args, err := finding.RenderRemediation(r.Remediation, params)
	if err != nil {
		loc := m.Package.Location
		for _, a := range m.Annotations {
			if a.Scope == "package" {
				loc = a.Location
				break
			}
		}
		return at(loc, "remediation placeholders name parameters of data.citygate.params, e.g. {params.pia_max_age_months}",
			"METADATA of %s: custom.remediation: %v", r.Package, err)
	}
	r.Remediation, r.RemediationArgs = text, args
	return nil
}
