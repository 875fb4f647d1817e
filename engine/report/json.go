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
	// The findings and the evidence are encoded one at a time into the gaps
	// the envelope leaves for them, so a large result is never held twice
	// as JSON.
	envelope := struct {
		SchemaVersion string                    `json:"schema_version"`
		Tool          finding.Tool              `json:"tool"`
		AsOf          string                    `json:"as_of"`
		Summary       finding.Summary           `json:"summary"`
		Inventories   []finding.InventoryResult `json:"inventories"`
		Findings      json.RawMessage           `json:"findings"`
		Evidence      json.RawMessage           `json:"evidence"`
		Errors        []finding.Error           `json:"errors"`
		Tender        *finding.TenderRef        `json:"tender,omitempty"`
		Overrides     []finding.Override        `json:"overrides,omitempty"`
	}{doc.SchemaVersion, doc.Tool, doc.AsOf, doc.Summary, doc.Inventories,
		json.RawMessage(findingsGap), json.RawMessage(evidenceGap), doc.Errors, doc.Tender, doc.Overrides}
	var head bytes.Buffer
	enc := json.NewEncoder(&head)
	enc.SetIndent("", "  ")
	if err := enc.Encode(envelope); err != nil {
		return err
	}
	before, rest, _ := bytes.Cut(head.Bytes(), []byte(findingsGap))
	between, after, _ := bytes.Cut(rest, []byte(evidenceGap))
	if _, err := w.Write(neutralizeJSON(before)); err != nil {
		return err
	}
	if err := writeArray(w, doc.Findings); err != nil {
		return err
	}
	if _, err := w.Write(neutralizeJSON(between)); err != nil {
		return err
	}
	if err := writeArray(w, doc.Evidence); err != nil {
		return err
	}
	_, err := w.Write(neutralizeJSON(after))
	return err
}

// findingsGap and evidenceGap stand where those arrays go in the envelope.
const (
	findingsGap = `"citygate:findings"`
	evidenceGap = `"citygate:evidence"`
)

// writeArray writes an array of the document's second level exactly as an
// indented encoder of the whole document would.
func writeArray[T any](w io.Writer, items []T) error {
	if len(items) == 0 {
		_, err := io.WriteString(w, "[]")
		return err
	}
	if _, err := io.WriteString(w, "[\n    "); err != nil {
		return err
	}
	for i := range items {
		b, err := json.MarshalIndent(&items[i], "    ", "  ")
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
		if f.Status == "" {
			f.Status = finding.StatusFail
		}
		doc.Findings[i] = f
	}
	doc.Errors = append([]finding.Error{}, r.Errors...)
	doc.Evidence = make([]finding.Evidence, len(r.Evidence))
	for i, e := range r.Evidence {
		if e.Fields == nil {
			e.Fields = []string{}
		}
		doc.Evidence[i] = e
	}
	doc.Inventories = make([]finding.InventoryResult, len(r.Inventories))
	for i, inv := range r.Inventories {
		if inv.Profiles == nil {
			inv.Profiles = []string{}
		}
		inv.Status = inventoryStatus(r, inv)
		doc.Inventories[i] = inv
	}
	if doc.Summary.Status == "" {
		doc.Summary.Status = runStatus(r)
	}
	if doc.Summary.Principles == nil {
		doc.Summary.Principles = []finding.GroupCounts{}
	}
	if doc.Summary.Areas == nil {
		doc.Summary.Areas = []finding.GroupCounts{}
	}
	return &doc
}
