package report

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"

	"github.com/citygate/citygate/engine/finding"
)

// ReportStream writes JUnit from a spool one suite (inventory) at a time.
// The root element carries the totals, so the suites go to a temporary
// file first and are copied after it; other streams are collected.
func (j junitReporter) ReportStream(w io.Writer, s Stream) error {
	sp, ok := s.(*Spool)
	if !ok || len(sp.parts) != len(sp.head.Inventories) {
		r, err := Collect(s)
		if err != nil {
			return err
		}
		return j.Report(w, r)
	}
	r, rules := sp.Head(), sp.Tally().Rules
	spill, err := os.CreateTemp("", "citygate-junit-*")
	if err != nil {
		return err
	}
	defer os.Remove(spill.Name())
	defer spill.Close()

	// Errors go to their inventory's suite; those of no inventory listed
	// get suites of their own after the inventories, as junitSuites does.
	errs := map[string][]*finding.Error{}
	var others []string
	paths := make(map[string]bool, len(r.Inventories))
	for _, inv := range r.Inventories {
		paths[inv.Path] = true
	}
	for i := range r.Errors {
		e := &r.Errors[i]
		if _, seen := errs[e.Inventory]; !seen && !paths[e.Inventory] {
			others = append(others, e.Inventory)
		}
		errs[e.Inventory] = append(errs[e.Inventory], e)
	}
	root := JUnitSuites{Name: "citygate"}
	n := 0
	var buf bytes.Buffer
	put := func(key string, g *junitGroup) error {
		doc := JUnitSuites{Suites: []JUnitSuite{junitSuite(key, g, rules)}}
		doc.Count()
		sanitizeJUnit(&doc)
		st := &doc.Suites[0]
		root.Tests += st.Tests
		root.Failures += st.Failures
		root.Errors += st.Errors
		root.Skipped += st.Skipped
		buf.Reset()
		buf.WriteString("\n")
		enc := xml.NewEncoder(&buf)
		enc.Indent("  ", "  ")
		if err := enc.EncodeElement(st, xml.StartElement{Name: xml.Name{Local: "testsuite"}}); err != nil {
			return err
		}
		n++
		_, err := spill.Write(buf.Bytes())
		return err
	}
	if err := sp.eachPart(func(i int, fs []finding.Finding, ev []finding.Evidence) error {
		inv := &r.Inventories[i]
		g := &junitGroup{inv: inv, errors: errs[inv.Path]}
		for k := range fs {
			g.findings = append(g.findings, &fs[k])
		}
		for k := range ev {
			g.evidence = append(g.evidence, &ev[k])
		}
		return put(inv.Path, g)
	}); err != nil {
		return err
	}
	for _, key := range others {
		if err := put(key, &junitGroup{errors: errs[key]}); err != nil {
			return err
		}
	}
	// The root's start tag, as the encoder writes it for these totals.
	var head bytes.Buffer
	head.WriteString(xml.Header)
	enc := xml.NewEncoder(&head)
	enc.Indent("", "  ")
	if err := enc.Encode(&root); err != nil {
		return err
	}
	if n == 0 {
		head.WriteString("\n")
		_, err := w.Write(head.Bytes())
		return err
	}
	start := bytes.TrimSuffix(head.Bytes(), []byte("</testsuites>"))
	if _, err := w.Write(start); err != nil {
		return err
	}
	if _, err := spill.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if _, err := io.Copy(w, spill); err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n</testsuites>\n")
	return err
}
