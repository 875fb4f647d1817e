package report

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/finding"
)

type xmlTestsuites struct {
	XMLName  xml.Name       `xml:"testsuites"`
	Tests    int            `xml:"tests,attr"`
	Failures int            `xml:"failures,attr"`
	Errors   int            `xml:"errors,attr"`
	Skipped  int            `xml:"skipped,attr"`
	Suites   []xmlTestsuite `xml:"testsuite"`
}

type xmlTestsuite struct {
	Name     string        `xml:"name,attr"`
	Tests    int           `xml:"tests,attr"`
	Failures int           `xml:"failures,attr"`
	Errors   int           `xml:"errors,attr"`
	Skipped  int           `xml:"skipped,attr"`
	Cases    []xmlTestcase `xml:"testcase"`
}

type xmlTestcase struct {
	Classname string      `xml:"classname,attr"`
	Name      string      `xml:"name,attr"`
	File      string      `xml:"file,attr"`
	Line      int         `xml:"line,attr"`
	Failure   *xmlOutcome `xml:"failure"`
	Skipped   *xmlOutcome `xml:"skipped"`
	Error     *xmlOutcome `xml:"error"`
}

type xmlOutcome struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",chardata"`
}

func parseJUnit(t *testing.T, out []byte) xmlTestsuites {
	t.Helper()
	var doc xmlTestsuites
	require.NoError(t, xml.Unmarshal(out, &doc), "JUnit output must parse")
	return doc
}

func TestJUnitStructure(t *testing.T) {
	doc := parseJUnit(t, render(t, "junit", Options{}, sampleResult()))
	require.Len(t, doc.Suites, 3)
	assert.Equal(t, []string{"fixtures/city", "bids/acme.hcl", "bids/broken.hcl"},
		[]string{doc.Suites[0].Name, doc.Suites[1].Name, doc.Suites[2].Name}, "inventories in command-line order")

	var tests, failures, errs, skipped int
	for _, s := range doc.Suites {
		var f, e, sk int
		seen := map[string]bool{}
		for _, c := range s.Cases {
			key := c.Classname + " " + c.Name
			assert.False(t, seen[key], "duplicate test case %s in %s", key, s.Name)
			seen[key] = true
			switch {
			case c.Failure != nil:
				f++
			case c.Error != nil:
				e++
			case c.Skipped != nil:
				sk++
			}
		}
		assert.Equal(t, []int{len(s.Cases), f, e, sk}, []int{s.Tests, s.Failures, s.Errors, s.Skipped}, s.Name)
		tests, failures, errs, skipped = tests+s.Tests, failures+s.Failures, errs+s.Errors, skipped+s.Skipped
	}
	assert.Equal(t, []int{tests, failures, errs, skipped}, []int{doc.Tests, doc.Failures, doc.Errors, doc.Skipped})
	// 3 passes, 6 failures, 1 error; skipped: 1 waived, 1 baselined, 4 not applicable.
	assert.Equal(t, []int{16, 6, 1, 6}, []int{doc.Tests, doc.Failures, doc.Errors, doc.Skipped})

	city := doc.Suites[0]
	byName := map[string]xmlTestcase{}
	for _, c := range city.Cases {
		byName[c.Classname+" "+c.Name] = c
	}
	sec := byName["citygate.safety_security_resiliency.SEC-005 system.traffic-signal-control"]
	require.NotNil(t, sec.Failure)
	assert.Equal(t, "critical", sec.Failure.Type)
	assert.Equal(t, "fixtures/city/transport.hcl", sec.File)
	assert.Equal(t, 14, sec.Line)
	for _, want := range []string{"system traffic-signal-control ships", "severity: critical",
		"location: fixtures/city/transport.hcl:14:5", "remediation: Require unique", "sources: ETSI EN 303 645 5.1-1"} {
		assert.Contains(t, sec.Failure.Body, want, "GitLab shows only the body")
	}
	// One rule, two findings on one resource: the field tells them apart.
	assert.Contains(t, byName, "citygate.interoperability_openness.OPN-001 system.traffic-signal-control.data.licence")
	assert.Contains(t, byName, "citygate.interoperability_openness.OPN-001 system.traffic-signal-control.data.format")
	// A rule that applies passes per resource; one that applies to
	// nothing is skipped as not applicable, never passed.
	pass := byName["citygate.operational_financial_sustainability.SUS-004 system.traffic-signal-control"]
	assert.Nil(t, pass.Failure)
	assert.Nil(t, pass.Skipped)
	na := byName["citygate.operational_financial_sustainability.BRD-001 BRD-001"]
	require.NotNil(t, na.Skipped)
	assert.Equal(t, "not applicable", na.Skipped.Message)
	waived := byName["citygate.safety_security_resiliency.SEC-006 city.lisbon"]
	require.NotNil(t, waived.Skipped)
	assert.Equal(t, "waived: Policy drafted, publication due Q1 | see CITY-42", waived.Skipped.Message)

	broken := doc.Suites[2]
	require.Len(t, broken.Cases, 1, "an inventory that did not load gets no passing cases")
	require.NotNil(t, broken.Cases[0].Error)
	assert.Equal(t, "Unsupported argument", broken.Cases[0].Error.Message)
	assert.Equal(t, "bids/broken.hcl", broken.Cases[0].File)
	assert.Equal(t, 7, broken.Cases[0].Line)
}

func TestJUnitControlCharacters(t *testing.T) {
	r := sampleResult()
	r.Findings[0].Message = "bad\x02value \x1b[31mred\x1b[0m \x00nul \ufffe & <tag> \"q\""
	r.Findings[0].Resource.ID = "id\x1b]0;title\x07"
	out := render(t, "junit", Options{}, r)
	doc := parseJUnit(t, out)
	var f *xmlOutcome
	for _, s := range doc.Suites {
		for _, c := range s.Cases {
			if c.Classname == "citygate.safety_security_resiliency.SEC-005" && strings.HasPrefix(c.Name, "system.id") {
				f = c.Failure
			}
		}
	}
	require.NotNil(t, f)
	assert.Equal(t, `bad\x02value \x1b[31mred\x1b[0m \x00nul \ufffe & <tag> "q"`, f.Message)
	assert.Contains(t, f.Body, `resource: system.id\x1b]0;title\x07`)
	assertInert(t, "junit", string(out))
}

func TestJUnitErrorWithoutInventory(t *testing.T) {
	r := emptyResult()
	r.Errors = []finding.Error{{Summary: "policy failed to compile", Detail: "rego_type_error: undefined ref: input.sytems"}}
	doc := parseJUnit(t, render(t, "junit", Options{}, r))
	require.Len(t, doc.Suites, 2)
	assert.Equal(t, "citygate", doc.Suites[1].Name, "errors outside any inventory get their own suite")
	require.NotNil(t, doc.Suites[1].Cases[0].Error)
	assert.Equal(t, 7, doc.Suites[0].Tests, "the clean inventory passes every rule")
}

// Properties are the one part of check's report that citygate test does
// not use: they must survive the shared encoder, and an inventory that
// did not load gets none.
func TestJUnitProperties(t *testing.T) {
	var doc struct {
		Suites []struct {
			Name  string `xml:"name,attr"`
			Props *struct {
				Property []struct {
					Name  string `xml:"name,attr"`
					Value string `xml:"value,attr"`
				} `xml:"property"`
			} `xml:"properties"`
		} `xml:"testsuite"`
	}
	require.NoError(t, xml.Unmarshal(render(t, "junit", Options{}, sampleResult()), &doc))
	require.Len(t, doc.Suites, 3)
	city := doc.Suites[0]
	require.NotNil(t, city.Props)
	got := map[string]string{}
	for _, p := range city.Props.Property {
		got[p.Name] = p.Value
	}
	assert.Equal(t, map[string]string{"citygate.rules.pass": "1", "citygate.rules.fail": "4", "citygate.rules.not_stated": "0",
		"citygate.rules.waived": "1", "citygate.rules.not_applicable": "1"}, got)
	assert.Nil(t, doc.Suites[2].Props, "bids/broken.hcl did not load: no rule counts")
}
