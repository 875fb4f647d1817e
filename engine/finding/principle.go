package finding

import "sort"

// Principle is one of the G20 Global Smart Cities Alliance's five core
// principles a rule speaks to: its key in rule metadata and its name.
type Principle struct{ Key, Name string }

// Principles are the Alliance's five principles in the order reports list
// them.
var Principles = []Principle{
	{"transparency_privacy", "Transparency & Privacy"},
	{"safety_security_resiliency", "Safety, Security & Resiliency"},
	{"interoperability_openness", "Interoperability & Openness"},
	{"operational_financial_sustainability", "Operational & Financial Sustainability"},
	{"equity_inclusion_societal_impact", "Equity, Inclusion & Societal Impact"},
}

// Areas are the library's topical groups, the second taxonomy (reports
// group by them on request).
var Areas = []Principle{
	{"privacy", "Privacy"},
	{"security", "Security"},
	{"accessibility", "Accessibility"},
	{"broadband", "Broadband and Dig Once"},
	{"openness", "Openness and open data"},
	{"sustainability", "Operational sustainability"},
	{"equity", "Equity and societal impact"},
}

// Policies are the Alliance's model policies and guidance a rule may
// implement (custom.gsca_policy).
var Policies = []Principle{
	{"privacy_impact_assessment", "Privacy Impact Assessment"},
	{"cyber_accountability", "Cyber Accountability"},
	{"ict_accessibility", "ICT Accessibility"},
	{"dig_once", "Dig Once"},
	{"open_data", "Open Data"},
	{"open_contracting", "Open Contracting"},
	{"data_in_procurement", "Data in Procurement"},
}

// AreaPrinciple is the principle a version-1 rule's area stands for, so
// custom rules that still say `principle: privacy` keep loading.
var AreaPrinciple = map[string]string{
	"privacy":        "transparency_privacy",
	"security":       "safety_security_resiliency",
	"accessibility":  "equity_inclusion_societal_impact",
	"broadband":      "operational_financial_sustainability",
	"openness":       "interoperability_openness",
	"sustainability": "operational_financial_sustainability",
	"equity":         "equity_inclusion_societal_impact",
}

func lookup(list []Principle, key string) (Principle, bool) {
	for _, p := range list {
		if p.Key == key {
			return p, true
		}
	}
	return Principle{}, false
}

// IsPrinciple reports whether key is one of the five principles.
func IsPrinciple(key string) bool { _, ok := lookup(Principles, key); return ok }

// IsPolicy reports whether key is a known Alliance model policy.
func IsPolicy(key string) bool { _, ok := lookup(Policies, key); return ok }

// PrincipleName is a principle's display name; other keys (user rules,
// the waiver findings' "governance") show as themselves.
func PrincipleName(key string) string {
	if p, ok := lookup(Principles, key); ok {
		return p.Name
	}
	return key
}

// AreaName is an area's display name, or the key itself.
func AreaName(key string) string {
	if p, ok := lookup(Areas, key); ok {
		return p.Name
	}
	return key
}

// PolicyName is a model policy's display name, or the key itself.
func PolicyName(key string) string {
	if p, ok := lookup(Policies, key); ok {
		return p.Name
	}
	return key
}

// SortPrinciples orders principle keys: the Alliance's five first, in
// their order, then any others alphabetically.
func SortPrinciples(keys []string) { sortBy(Principles, keys) }

// SortAreas orders area keys the same way.
func SortAreas(keys []string) { sortBy(Areas, keys) }

func sortBy(list []Principle, keys []string) {
	rank := func(k string) int {
		for i, p := range list {
			if p.Key == k {
				return i
			}
		}
		return len(list)
	}
	sort.SliceStable(keys, func(i, j int) bool {
		ri, rj := rank(keys[i]), rank(keys[j])
		if ri != rj {
			return ri < rj
		}
		return keys[i] < keys[j]
	})
}
