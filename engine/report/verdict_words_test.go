package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/tender"
)

// TestOneVerdictVocabulary: an inventory that could not be evaluated is
// "error" in JSON and INCOMPLETE in every format a person reads; no human
// format prints ERROR as a verdict (docs/output-formats.md).
func TestOneVerdictVocabulary(t *testing.T) {
	r := sampleResult() // bids/broken.hcl did not load

	var doc struct {
		Inventories []struct{ Path, Status string } `json:"inventories"`
	}
	require.NoError(t, json.Unmarshal(render(t, "json", Options{}, r), &doc))
	got := map[string]string{}
	for _, inv := range doc.Inventories {
		got[inv.Path] = inv.Status
	}
	assert.Equal(t, map[string]string{"fixtures/city": "fail", "bids/acme.hcl": "fail", "bids/broken.hcl": "error"}, got)

	text := string(render(t, "text", Options{}, r))
	assert.Contains(t, text, "\n  bids/broken.hcl: INCOMPLETE\n")
	assert.Contains(t, text, "\n  fixtures/city: FAIL (")
	md := string(render(t, "markdown", Options{}, r))
	assert.Contains(t, md, "| bids/broken.hcl | broken.hcl | INCOMPLETE |")
	var summary bytes.Buffer
	render(t, "github", Options{StepSummary: &summary}, r)
	assert.Contains(t, summary.String(), "| bids/broken.hcl | INCOMPLETE |")
	assert.Contains(t, summary.String(), "| fixtures/city | FAIL |")
	for name, out := range map[string]string{"text": text, "markdown": md, "github summary": summary.String()} {
		assert.NotContains(t, out, "ERROR", "%s: error is INCOMPLETE for a person", name)
	}

	// Translated: the same key in every human format.
	rep, err := Localize(textReporter{}, "fr")
	require.NoError(t, err)
	var fr bytes.Buffer
	require.NoError(t, rep.Report(&fr, r))
	assert.Contains(t, fr.String(), "\n  bids/broken.hcl: INCOMPLET\n")
	assert.Contains(t, fr.String(), "\nVerdict: NON CONFORME\n")
	assert.Contains(t, renderHTML(t, "fr", r), `<span class="verdict-word">Non conforme</span>`)
}

// TestTenderVerdictVocabulary: a bid that could not be judged is
// "incomplete" in the tender JSON and every tender format, and "error"
// (INCOMPLETE for a person) once converted to a findings document.
func TestTenderVerdictVocabulary(t *testing.T) {
	base := fixtureTender(t)
	r := *base
	r.Bids = append([]tender.BidResult(nil), base.Bids...)
	r.Bids[0].Verdict = tender.Incomplete
	id := r.Bids[0].ID

	assert.Contains(t, string(renderTender(t, "json", &r)), `"verdict": "incomplete"`)
	assert.Contains(t, string(renderTender(t, "text", &r)), "\nBid "+id+" ("+r.Bids[0].Path+"): INCOMPLETE\n")
	assert.Contains(t, string(renderTender(t, "markdown", &r)), "| "+id+" | **incomplete** |")
	assert.Contains(t, string(renderTender(t, "html", &r)), `<span class="verdict-word verdict-incomplete">Incomplete</span>`)

	res := r.AsResult()
	var doc struct {
		Inventories []struct{ Status string } `json:"inventories"`
	}
	require.NoError(t, json.Unmarshal(render(t, "json", Options{}, res), &doc))
	assert.Equal(t, "error", doc.Inventories[0].Status)
	var summary bytes.Buffer
	render(t, "github", Options{StepSummary: &summary}, res)
	assert.Contains(t, summary.String(), "| "+r.Bids[0].Path+" | INCOMPLETE |")
	assert.False(t, strings.Contains(summary.String(), "ERROR"))
}
