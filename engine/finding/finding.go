package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Position is a point in a source file. Line and Column are 1-based;
// columns count grapheme clusters, as hcl does; Byte is the 0-based offset, from which
// reporters that need other column units (SARIF's UTF-16) derive them.
type Position struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Byte   int `json:"-"`
}

// Location is a range in one file. File is the path as the user named it.
type Location struct {
	File  string   `json:"file"`
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// Resource names what a finding is about: a city, system, zone, excavation
// or waiver, by its block label.
type Resource struct {
	Kind string `json:"kind"`
	ID   string `json:"id"`
}

// String is the "kind.id" form that waivers use.
func (r Resource) String() string { return r.Kind + "." + r.ID }

// Suppression records why a finding does not count towards --fail-on.
type Suppression struct {
	Kind       string `json:"kind"` // "waiver" or "baseline"
	Reason     string `json:"reason"`
	ApprovedBy string `json:"approved_by,omitempty"`
	Expires    string `json:"expires,omitempty"`
}

// Finding is one located violation of one rule: a stated value that breaks
// it (status fail) or a field it needs that is absent (status not_stated).
type Finding struct {
	RuleID   string   `json:"rule_id"`
	Title    string   `json:"title"`
	Severity Severity `json:"severity"`
	// Principle is the Alliance principle key, Area the topical group;
	// Profile the jurisdiction profile that required the rule here, empty
	// for the core.
	Principle string   `json:"principle"`
	Area      string   `json:"area"`
	Profile   string   `json:"profile"`
	Controls  []string `json:"controls"`
	// Status is StatusFail or StatusNotStated.
	Status Status `json:"status"`
	// Message is the rendered English text; Template and Args are what it
	// was rendered from (absent for version-1 rules, which give the text),
	// so a later translation needs neither Rego nor a second run.
	Message     string         `json:"message"`
	Template    string         `json:"template,omitempty"`
	Args        map[string]any `json:"args,omitempty"`
	Resource    Resource       `json:"resource"`
	Field       string         `json:"field"`
	Location    Location       `json:"location"`
	Remediation string         `json:"remediation"`
	HelpURI     string         `json:"help_uri"`
	Fingerprint string         `json:"fingerprint"`
	Suppressed  *Suppression   `json:"suppressed"`

	// Inventory is the path of the inventory the finding came from.
	Inventory string `json:"-"`
	// SourceLines are the lines of Location's file from Start.Line to
	// End.Line, kept for snippets and UTF-16 column conversion.
	SourceLines []string `json:"-"`
}

// Fingerprint identifies a finding independently of where its lines are:
// the scope (the inventory's city id or name), rule, resource and field.
// Moving lines or reordering files keeps it; changing any part changes it.
func Fingerprint(scope, ruleID string, r Resource, field string) string {
	// One buffer on the stack and one hash call, rather than a hash
	// object and a write per part: the same bytes hashed, so the same
	// fingerprint, without allocating per finding.
	var buf [256]byte
	b := buf[:0]
	for _, part := range [...]string{"citygate/v1", scope, ruleID, r.Kind, r.ID, field} {
		b = append(b, part...)
		b = append(b, 0)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:16])
}

// Less is the deterministic report order: file, line, column, rule id,
// resource, field, message.
func Less(a, b *Finding) bool {
	if c := strings.Compare(a.Location.File, b.Location.File); c != 0 {
		return c < 0
	}
	if a.Location.Start.Line != b.Location.Start.Line {
		return a.Location.Start.Line < b.Location.Start.Line
	}
	if a.Location.Start.Column != b.Location.Start.Column {
		return a.Location.Start.Column < b.Location.Start.Column
	}
	if a.RuleID != b.RuleID {
		return a.RuleID < b.RuleID
	}
	if c := strings.Compare(a.Resource.String(), b.Resource.String()); c != 0 {
		return c < 0
	}
	if a.Field != b.Field {
		return a.Field < b.Field
	}
	return a.Message < b.Message
}
