package report

import (
	"bufio"
	"errors"
	"io"
	"os"
	"slices"
	"sort"

	"github.com/citygate/citygate/engine/finding"
)

// Spool is the Stream of a streaming check (engine.CheckStream): each
// inventory's findings and evidence go to a temporary file as the part
// arrives, the tally is kept as it goes, and reporters read the file back
// once per pass. Memory holds the head and the tally, which grow with
// inventories and rules, never with findings. The file is removed by
// Close (on Unix it is unlinked at once and lives only while open).
//
// Findings come back in the order Check gives them (file, line, rule),
// not in input order: each part's findings are one sorted run, runs are
// ordered by their first finding, and runs that overlap (inventories
// sharing files, which the CLI's path list never has) are merged in
// memory.
type Spool struct {
	f        *os.File
	w        *bufio.Writer
	off      int64
	unlinked bool
	enc      encoder
	dec      decoder

	runs []spoolRun
	ev   []segment
	// parts index each part's findings run and evidence segment (-1:
	// none), in input order.
	parts  []spoolPart
	order  [][]int // clusters of runs, in report order
	head   *finding.Result
	tally  *Tally
	rules  []finding.Rule // rules only findings name, in order of first appearance
	closed bool
}

type spoolPart struct{ run, ev int }

type segment struct {
	off, len int64
	count    int
}

// spoolRun is one part's findings: where they are and their first and
// last finding (sort fields only) for ordering.
type spoolRun struct {
	segment
	index       int
	first, last finding.Finding
}

// NewSpool starts a spool in a temporary file in dir ("" for the
// system's temporary directory).
func NewSpool(dir string) (*Spool, error) {
	f, err := os.CreateTemp(dir, "citygate-spool-*")
	if err != nil {
		return nil, err
	}
	s := &Spool{f: f, w: bufio.NewWriterSize(f, 256<<10), tally: NewTally(nil)}
	// Unlinked now, the file cannot outlive the process, however it ends;
	// where an open file cannot be removed (Windows), Close removes it.
	s.unlinked = os.Remove(f.Name()) == nil
	return s, nil
}

// Add spools one inventory's part; parts come in input order.
func (s *Spool) Add(p *finding.Part) error {
	s.parts = append(s.parts, spoolPart{run: -1, ev: -1})
	if len(p.Findings) > 0 {
		s.parts[len(s.parts)-1].run = len(s.runs)
		r := spoolRun{index: len(s.runs), first: sortKey(&p.Findings[0]), last: sortKey(&p.Findings[len(p.Findings)-1])}
		seg, err := s.write(len(p.Findings), func(i int) error { return s.enc.finding(&p.Findings[i]) })
		if err != nil {
			return err
		}
		r.segment = seg
		s.runs = append(s.runs, r)
		for i := range p.Findings {
			s.tally.AddFinding(&p.Findings[i])
		}
	}
	if len(p.Evidence) > 0 {
		seg, err := s.write(len(p.Evidence), func(i int) error { s.enc.evidence(&p.Evidence[i]); return nil })
		if err != nil {
			return err
		}
		s.parts[len(s.parts)-1].ev = len(s.ev)
		s.ev = append(s.ev, seg)
		s.tally.AddRuleCounts(finding.RuleCountsOf(p.Evidence))
	}
	return nil
}

func (s *Spool) write(n int, enc func(i int) error) (segment, error) {
	seg := segment{off: s.off, count: n}
	for i := range n {
		s.enc.b = s.enc.b[:0]
		if err := enc(i); err != nil {
			return seg, err
		}
		k, err := s.w.Write(s.enc.b)
		s.off += int64(k)
		if err != nil {
			return seg, err
		}
	}
	seg.len = s.off - seg.off
	return seg, nil
}

// sortKey keeps the fields finding.Less reads.
func sortKey(f *finding.Finding) finding.Finding {
	return finding.Finding{Location: f.Location, RuleID: f.RuleID, Resource: f.Resource, Field: f.Field, Message: f.Message}
}

// Finish ends the spool with the run's head (engine.CheckStream's
// result); the spool is then a Stream.
func (s *Spool) Finish(head *finding.Result) error {
	if err := s.w.Flush(); err != nil {
		return err
	}
	h := *head
	h.Findings, h.Evidence = nil, nil
	s.head = &h
	s.tally.setRules(head.Rules)
	s.order = clusters(s.runs)
	return nil
}

// clusters orders runs by their first finding and groups runs that
// overlap, each group in input order.
func clusters(runs []spoolRun) [][]int {
	idx := make([]int, len(runs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return finding.Less(&runs[idx[a]].first, &runs[idx[b]].first) })
	var out [][]int
	var last *finding.Finding
	for _, i := range idx {
		r := &runs[i]
		if last != nil && !finding.Less(last, &r.first) {
			c := &out[len(out)-1]
			*c = append(*c, i)
			if finding.Less(last, &r.last) {
				last = &r.last
			}
			continue
		}
		out = append(out, []int{i})
		last = &r.last
	}
	for _, c := range out {
		slices.Sort(c)
	}
	return out
}

// Close removes the temporary file.
func (s *Spool) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	err := s.f.Close()
	if !s.unlinked {
		if rerr := os.Remove(s.f.Name()); rerr != nil && !errors.Is(rerr, os.ErrNotExist) && err == nil {
			err = rerr
		}
	}
	return err
}

// Head is the run's head; Finish must have been called.
func (s *Spool) Head() *finding.Result { return s.head }

// Tally is the spool's tally.
func (s *Spool) Tally() *Tally { return s.tally }

// Findings reads the findings back in report order.
func (s *Spool) Findings(fn func(*finding.Finding) error) error {
	for _, c := range s.order {
		if len(c) == 1 {
			if err := s.read(s.runs[c[0]].segment, func(d *decoder) error {
				f, err := d.finding()
				if err != nil {
					return err
				}
				return fn(&f)
			}); err != nil {
				return err
			}
			continue
		}
		var fs []finding.Finding
		for _, i := range c {
			if err := s.read(s.runs[i].segment, func(d *decoder) error {
				f, err := d.finding()
				fs = append(fs, f)
				return err
			}); err != nil {
				return err
			}
		}
		sort.SliceStable(fs, func(i, j int) bool { return finding.Less(&fs[i], &fs[j]) })
		for i := range fs {
			if err := fn(&fs[i]); err != nil {
				return err
			}
		}
	}
	return nil
}

// Evidence reads the evidence back in report order (input order).
func (s *Spool) Evidence(fn func(*finding.Evidence) error) error {
	for _, seg := range s.ev {
		if err := s.read(seg, func(d *decoder) error {
			e, err := d.evidence()
			if err != nil {
				return err
			}
			return fn(&e)
		}); err != nil {
			return err
		}
	}
	return nil
}

// eachPart calls fn with each part's findings and evidence, in input
// order (for formats organised by inventory).
func (s *Spool) eachPart(fn func(i int, fs []finding.Finding, ev []finding.Evidence) error) error {
	for i, p := range s.parts {
		var fs []finding.Finding
		var ev []finding.Evidence
		if p.run >= 0 {
			if err := s.read(s.runs[p.run].segment, func(d *decoder) error {
				f, err := d.finding()
				fs = append(fs, f)
				return err
			}); err != nil {
				return err
			}
		}
		if p.ev >= 0 {
			if err := s.read(s.ev[p.ev], func(d *decoder) error {
				e, err := d.evidence()
				ev = append(ev, e)
				return err
			}); err != nil {
				return err
			}
		}
		if err := fn(i, fs, ev); err != nil {
			return err
		}
	}
	return nil
}

func (s *Spool) read(seg segment, each func(*decoder) error) error {
	// One reader serves every segment: passes read one segment at a time.
	if s.dec.r == nil {
		s.dec.r = bufio.NewReaderSize(nil, 64<<10)
	}
	d := &s.dec
	d.r.Reset(io.NewSectionReader(s.f, seg.off, seg.len))
	d.err = nil
	for range seg.count {
		if err := each(d); err != nil {
			return err
		}
	}
	return nil
}

// setRules makes the catalog: rules, then the rules only findings named.
func (t *Tally) setRules(rules []finding.Rule) {
	found := t.Rules
	t.Rules = append([]finding.Rule(nil), rules...)
	known := make(map[string]bool, len(rules))
	for _, r := range rules {
		known[r.ID] = true
	}
	for _, r := range found {
		if !known[r.ID] {
			t.Rules = append(t.Rules, r)
		}
	}
}
