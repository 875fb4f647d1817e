package report

import (
	"encoding/json"
	"strconv"

	"github.com/citygate/citygate/engine/finding"
)

// Findings and evidence are most of a JSON report, and at scale encoding
// them dominated its cost: json.MarshalIndent marshals and then re-indents
// every byte, and neutralizeJSON then decoded every rune again. These
// encoders write the indented form directly, with the bytes MarshalIndent
// and neutralizeJSON give together (TestJSONEncodersMatchMarshalIndent),
// and neutralise each string once, where it is written: a string of plain
// ASCII is copied as it is, any other goes through encoding/json and
// neutralizeJSON on its own.

// jsonWriter appends indented JSON; prefix is the indent of the line the
// value starts on.
type jsonWriter struct {
	b []byte
}

// plainJSON reports whether s needs no escape at all: printable ASCII
// other than the characters encoding/json escapes, and no "##[".
func plainJSON(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			return false
		}
		if c == '#' && i+2 < len(s) && s[i+1] == '#' && s[i+2] == '[' {
			return false
		}
	}
	return true
}

func (j *jsonWriter) str(s string) {
	if plainJSON(s) {
		j.b = append(j.b, '"')
		j.b = append(j.b, s...)
		j.b = append(j.b, '"')
		return
	}
	raw, _ := json.Marshal(s) // a string always marshals
	j.b = append(j.b, neutralizeJSON(raw)...)
}

// key starts a member on its own line: ",\n" (unless first) then the
// indent, the key and ": ".
func (j *jsonWriter) key(indent string, name string, first bool) {
	if !first {
		j.b = append(j.b, ',')
	}
	j.b = append(j.b, '\n')
	j.b = append(j.b, indent...)
	j.b = append(j.b, '"')
	j.b = append(j.b, name...)
	j.b = append(j.b, '"', ':', ' ')
}

func (j *jsonWriter) strField(indent, name, v string, first bool) {
	j.key(indent, name, first)
	j.str(v)
}

func (j *jsonWriter) intField(indent, name string, v int, first bool) {
	j.key(indent, name, first)
	j.b = strconv.AppendInt(j.b, int64(v), 10)
}

func (j *jsonWriter) end(indent string) {
	j.b = append(j.b, '\n')
	j.b = append(j.b, indent...)
	j.b = append(j.b, '}')
}

func (j *jsonWriter) strs(indent string, ss []string) {
	if ss == nil {
		j.b = append(j.b, "null"...)
		return
	}
	if len(ss) == 0 {
		j.b = append(j.b, '[', ']')
		return
	}
	j.b = append(j.b, '[')
	for i, s := range ss {
		if i > 0 {
			j.b = append(j.b, ',')
		}
		j.b = append(j.b, '\n')
		j.b = append(j.b, indent...)
		j.b = append(j.b, "  "...)
		j.str(s)
	}
	j.b = append(j.b, '\n')
	j.b = append(j.b, indent...)
	j.b = append(j.b, ']')
}

// position writes {"line": L, "column": C} at indent.
func (j *jsonWriter) position(indent string, p finding.Position) {
	in := indent + "  "
	j.b = append(j.b, '{')
	j.intField(in, "line", p.Line, true)
	j.intField(in, "column", p.Column, false)
	j.end(indent)
}

// finding writes f as json.MarshalIndent(f, prefix, "  ") followed by
// neutralizeJSON would.
func (j *jsonWriter) finding(prefix string, f *finding.Finding) error {
	in := prefix + "  "
	j.b = append(j.b, '{')
	j.strField(in, "rule_id", f.RuleID, true)
	j.strField(in, "title", f.Title, false)
	j.strField(in, "severity", string(f.Severity), false)
	j.strField(in, "principle", f.Principle, false)
	j.strField(in, "area", f.Area, false)
	j.strField(in, "profile", f.Profile, false)
	j.key(in, "controls", false)
	j.strs(in, f.Controls)
	j.strField(in, "status", string(f.Status), false)
	j.strField(in, "message", f.Message, false)
	if f.Template != "" {
		j.strField(in, "template", f.Template, false)
	}
	if len(f.Args) > 0 {
		j.key(in, "args", false)
		raw, err := json.MarshalIndent(f.Args, in, "  ")
		if err != nil {
			return err
		}
		j.b = append(j.b, neutralizeJSON(raw)...)
	}
	j.key(in, "resource", false)
	in2 := in + "  "
	j.b = append(j.b, '{')
	j.strField(in2, "kind", f.Resource.Kind, true)
	j.strField(in2, "id", f.Resource.ID, false)
	j.end(in)
	j.strField(in, "field", f.Field, false)
	j.key(in, "location", false)
	j.b = append(j.b, '{')
	j.strField(in2, "file", f.Location.File, true)
	j.key(in2, "start", false)
	j.position(in2, f.Location.Start)
	j.key(in2, "end", false)
	j.position(in2, f.Location.End)
	j.end(in)
	j.strField(in, "remediation", f.Remediation, false)
	j.strField(in, "help_uri", f.HelpURI, false)
	j.strField(in, "fingerprint", f.Fingerprint, false)
	j.key(in, "suppressed", false)
	if s := f.Suppressed; s == nil {
		j.b = append(j.b, "null"...)
	} else {
		j.b = append(j.b, '{')
		j.strField(in2, "kind", s.Kind, true)
		j.strField(in2, "reason", s.Reason, false)
		if s.ApprovedBy != "" {
			j.strField(in2, "approved_by", s.ApprovedBy, false)
		}
		if s.Expires != "" {
			j.strField(in2, "expires", s.Expires, false)
		}
		j.end(in)
	}
	j.end(prefix)
	return nil
}

// evidence writes e as json.MarshalIndent(e, prefix, "  ") followed by
// neutralizeJSON would.
func (j *jsonWriter) evidence(prefix string, e *finding.Evidence) {
	in := prefix + "  "
	j.b = append(j.b, '{')
	j.strField(in, "inventory", e.Inventory, true)
	j.strField(in, "rule_id", e.RuleID, false)
	j.key(in, "resource", false)
	if e.Resource == nil {
		j.b = append(j.b, "null"...)
	} else {
		in2 := in + "  "
		j.b = append(j.b, '{')
		j.strField(in2, "kind", e.Resource.Kind, true)
		j.strField(in2, "id", e.Resource.ID, false)
		j.end(in)
	}
	j.strField(in, "status", string(e.Status), false)
	j.key(in, "fields", false)
	j.strs(in, e.Fields)
	j.end(prefix)
}
