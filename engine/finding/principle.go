package finding

import "sort"

// Principle is one of the G20 Global Smart Cities Alliance principles a
// rule belongs to: its key in rule metadata and its display name.
type Principle struct{ Key, Name string }

// Principles are the Alliance's principles in the order reports list them.
var Principles = []Principle{
	{"privacy", "Privacy and transparency"},
	{"security", "Security and resilience"},
	{"accessibility", "Accessibility and inclusion"},
	{"broadband", "Broadband and digital infrastructure"},
	{"openness", "Openness and interoperability"},
	{"sustainability", "Operational sustainability"},
}

// PrincipleName is a principle's display name; other principles (user
// rules, the waiver findings' "governance") show as their key.
func PrincipleName(key string) string {
	for _, p := range Principles {
		if p.Key == key {
			return p.Name
		}
	}
	return key
}

// SortPrinciples orders principle keys: the Alliance's six first, in
// their order, then any others alphabetically.
func SortPrinciples(keys []string) {
	rank := func(k string) int {
		for i, p := range Principles {
			if p.Key == k {
				return i
			}
		}
		return len(Principles)
	}
	sort.SliceStable(keys, func(i, j int) bool {
		ri, rj := rank(keys[i]), rank(keys[j])
		if ri != rj {
			return ri < rj
		}
		return keys[i] < keys[j]
	})
}
