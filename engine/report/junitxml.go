package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"time"
)

// The JUnit XML document as typed structs, encoded by encoding/xml (which
// escapes attributes and text): what a JUnit writer needs, and no more
// than CI systems read (GitLab, Jenkins, Azure). citygate test and
// check -f junit both write their reports with them, so the two cannot
// drift apart in what they escape or how they count.

// JUnitSuites is the <testsuites> root.
type JUnitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Time     string       `xml:"time,attr,omitempty"`
	Suites   []JUnitSuite `xml:"testsuite"`
}

// JUnitSuite is one <testsuite>.
type JUnitSuite struct {
	Name     string `xml:"name,attr"`
	Tests    int    `xml:"tests,attr"`
	Failures int    `xml:"failures,attr"`
	Errors   int    `xml:"errors,attr"`
	Skipped  int    `xml:"skipped,attr"`
	Time     string `xml:"time,attr,omitempty"`
	// Properties come before the cases, as the JUnit schema orders them.
	Properties *JUnitProperties `xml:"properties,omitempty"`
	Cases      []JUnitCase      `xml:"testcase"`
	// elapsed totals the cases' durations until Finish writes Time.
	elapsed time.Duration
}

// JUnitCase is one <testcase>; at most one of Failure, Error and Skipped
// is set (none: it passed).
type JUnitCase struct {
	Classname string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Time      string        `xml:"time,attr,omitempty"`
	Failure   *JUnitProblem `xml:"failure,omitempty"`
	Error     *JUnitProblem `xml:"error,omitempty"`
	Skipped   *JUnitProblem `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

// JUnitProperties is a suite's <properties>; nil writes none.
type JUnitProperties struct {
	Property []JUnitProperty `xml:"property"`
}

// JUnitProperty is one <property> of a suite's <properties>.
type JUnitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

// JUnitProblem is a <failure>, <error> or <skipped> with its message and
// details.
type JUnitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr,omitempty"`
	Body    string `xml:",chardata"`
}

// Add appends a case to the named suite (made on first use, suites in
// order of first use), counting it and its duration.
func (s *JUnitSuites) Add(suite string, c JUnitCase, d time.Duration) {
	i := len(s.Suites)
	for j := range s.Suites {
		if s.Suites[j].Name == suite {
			i = j
			break
		}
	}
	if i == len(s.Suites) {
		s.Suites = append(s.Suites, JUnitSuite{Name: suite})
	}
	t := &s.Suites[i]
	c.Time = JUnitSeconds(d)
	t.elapsed += d
	t.Cases = append(t.Cases, c)
	t.count(&c)
}

// count adds one case to the suite's counts by its outcome.
func (t *JUnitSuite) count(c *JUnitCase) {
	t.Tests++
	switch {
	case c.Failure != nil:
		t.Failures++
	case c.Error != nil:
		t.Errors++
	case c.Skipped != nil:
		t.Skipped++
	}
}

// addTo totals the suite's counts into the root.
func (t *JUnitSuite) addTo(s *JUnitSuites) {
	s.Tests += t.Tests
	s.Failures += t.Failures
	s.Errors += t.Errors
	s.Skipped += t.Skipped
}

// Finish totals the suites into the root, times included.
func (s *JUnitSuites) Finish() {
	var total time.Duration
	s.Tests, s.Failures, s.Errors, s.Skipped = 0, 0, 0, 0
	for i := range s.Suites {
		t := &s.Suites[i]
		t.Time = JUnitSeconds(t.elapsed)
		total += t.elapsed
		t.addTo(s)
	}
	s.Time = JUnitSeconds(total)
}

// Count sets every suite's counts from its cases and totals them into
// the root, for a document built without Add (one with no timings).
func (s *JUnitSuites) Count() {
	s.Tests, s.Failures, s.Errors, s.Skipped = 0, 0, 0, 0
	for i := range s.Suites {
		t := &s.Suites[i]
		t.Tests, t.Failures, t.Errors, t.Skipped = 0, 0, 0, 0
		for i := range t.Cases {
			t.count(&t.Cases[i])
		}
		t.addTo(s)
	}
}

// JUnitSeconds formats a duration as JUnit's time attribute.
func JUnitSeconds(d time.Duration) string { return fmt.Sprintf("%.3f", d.Seconds()) }

// WriteJUnit encodes a document with the XML header, indented, ending in
// a newline.
func WriteJUnit(w io.Writer, doc *JUnitSuites) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
