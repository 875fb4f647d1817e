package report

import (
	"bytes"
	"encoding/json"
	"io"

	"github.com/citygate/citygate/engine/finding"
)

func init() {
	register("json", func(Options) Reporter { return jsonReporter{} })
}

// jsonReporter writes the versioned findings document that
// schemas/findings.schema.json describes. Strings are kept exactly as the
// inventory holds them: this is the data contract (baselines read it back),
// and encoding/json already escapes control characters, U+2028/2029 and
// HTML metacharacters, so nothing reaches a terminal raw; neutralizeJSON
// handles the one workflow command a JSON line could still carry.
type jsonReporter struct{}

func (jsonReporter) Report(w io.Writer, r *finding.Result) error {
	doc := jsonDocument(r)
	// The findings are encoded one at a time into the gap the envelope
	// leaves for them, so a large result is never held twice as JSON.
	findings := doc.Findings
	doc.Findings = nil
	envelope := struct {
		SchemaVersion string          `json:"schema_version"`
		Tool          finding.Tool    `json:"tool"`
		AsOf          string          `json:"as_of"`
		Summary       finding.Summary `json:"summary"`
		Findings      json.RawMessage `json:"findings"`
		Errors        []finding.Error `json:"errors"`
	}{doc.SchemaVersion, doc.Tool, doc.AsOf, doc.Summary, json.RawMessage(findingsGap), doc.Errors}
	var head bytes.Buffer
	enc := json.NewEncoder(&head)
	enc.SetIndent("", "  ")
	if err := enc.Encode(envelope); err != nil {
		return err
	}
	before, after, _ := bytes.Cut(head.Bytes(), []byte(findingsGap))
	if _, err := w.Write(neutralizeJSON(before)); err != nil {
		return err
	}
	if err := writeFindings(w, findings); err != nil {
		return err
	}
	_, err := w.Write(neutralizeJSON(after))
	return err
}

// findingsGap stands where the findings array goes in the envelope.
const findingsGap = `"citygate:findings"`

// writeFindings writes the findings array exactly as an indented encoder
// of the whole document would.
func writeFindings(w io.Writer, findings []finding.Finding) error {
	if len(findings) == 0 {
		_, err := io.WriteString(w, "[]")
		return err
	}
	if _, err := io.WriteString(w, "[\n    "); err != nil {
		return err
	}
	for i := range findings {
		b, err := json.MarshalIndent(&findings[i], "    ", "  ")
		if err != nil {
			return err
		}
		if i > 0 {
			if _, err := io.WriteString(w, ",\n    "); err != nil {
				return err
			}
		}
		if _, err := w.Write(neutralizeJSON(b)); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "\n  ]")
	return err
}

// writeJSON is the encoding JSON and SARIF share: two-space indent, a
// trailing newline, and neutralizeJSON.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(neutralizeJSON(buf.Bytes()))
	return err
}

// jsonDocument copies r with the shape the schema promises: empty lists as
// [] rather than null, every severity key present, the schema version set.
// The caller's Result is not modified.
func jsonDocument(r *finding.Result) *finding.Result {
	doc := *r
	if doc.SchemaVersion == "" {
		doc.SchemaVersion = finding.SchemaVersion
	}
	bySev := make(map[finding.Severity]int, len(finding.Severities))
	for k, v := range r.Summary.BySeverity {
		bySev[k] = v
	}
	for _, s := range finding.Severities {
		bySev[s] += 0
	}
	doc.Summary.BySeverity = bySev
	doc.Findings = make([]finding.Finding, len(r.Findings))
	for i, f := range r.Findings {
		if f.Controls == nil {
			f.Controls = []string{}
		}
		doc.Findings[i] = f
	}
	doc.Errors = append([]finding.Error{}, r.Errors...)
	return &doc
}
