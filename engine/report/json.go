package report

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"

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

func (j jsonReporter) Report(w io.Writer, r *finding.Result) error {
	return j.ReportStream(w, Whole(r))
}

// ReportStream writes the document from a stream: the envelope (head and
// summary) is encoded once, and the findings and the evidence one at a
// time into the gaps it leaves for them, so nothing but the entry being
// written is held as JSON.
func (jsonReporter) ReportStream(w io.Writer, s Stream) error {
	doc := jsonDocument(s.Head())
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
	if err := streamArray(w, 1, s.Findings, func(j *jsonWriter, prefix string, f *finding.Finding) error {
		jsonFinding(f)
		return j.finding(prefix, f)
	}); err != nil {
		return err
	}
	if _, err := w.Write(neutralizeJSON(between)); err != nil {
		return err
	}
	if err := streamArray(w, 1, s.Evidence, func(j *jsonWriter, prefix string, e *finding.Evidence) error {
		jsonEvidence(e)
		j.evidence(prefix, e)
		return nil
	}); err != nil {
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

// streamArray writes an array at depth (1 for the document's second
// level) exactly as an indented encoder of the whole document would,
// followed by neutralizeJSON, reading its items from a pass; encode
// appends one item, its first line unindented and the others prefixed.
func streamArray[T any](w io.Writer, depth int, pass func(func(*T) error) error, encode func(j *jsonWriter, prefix string, item *T) error) error {
	inner := strings.Repeat("  ", depth+1)
	n := 0
	var j jsonWriter
	err := pass(func(item *T) error {
		j.b = j.b[:0]
		if n == 0 {
			j.b = append(j.b, "[\n"...)
		} else {
			j.b = append(j.b, ",\n"...)
		}
		j.b = append(j.b, inner...)
		n++
		if err := encode(&j, inner, item); err != nil {
			return err
		}
		_, err := w.Write(j.b)
		return err
	})
	if err != nil {
		return err
	}
	if n == 0 {
		_, err = io.WriteString(w, "[]")
		return err
	}
	_, err = io.WriteString(w, "\n"+strings.Repeat("  ", depth)+"]")
	return err
}

// marshalIndented encodes an item with encoding/json, for arrays without
// a hand-written encoder.
func marshalIndented[T any](j *jsonWriter, prefix string, item *T) error {
	b, err := json.MarshalIndent(item, prefix, "  ")
	if err != nil {
		return err
	}
	j.b = append(j.b, neutralizeJSON(b)...)
	return nil
}

// jsonFinding and jsonEvidence give an entry the shape the schema
// promises: empty lists as [], a status always set.
func jsonFinding(f *finding.Finding) {
	if f.Controls == nil {
		f.Controls = []string{}
	}
	if f.Status == "" {
		f.Status = finding.StatusFail
	}
}

func jsonEvidence(e *finding.Evidence) {
	if e.Fields == nil {
		e.Fields = []string{}
	}
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
	doc.Findings, doc.Evidence = nil, nil // streamed entry by entry (jsonFinding, jsonEvidence)
	doc.Errors = append([]finding.Error{}, r.Errors...)
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
