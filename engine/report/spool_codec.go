package report

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math"

	"github.com/citygate/citygate/engine/finding"
)

// The spool's record format: varints and length-prefixed strings, each
// finding and evidence entry one record, every field kept (nil and empty
// lists apart, since formats print them differently). It is private to
// one process and one run, so it needs no version: what matters is that
// decoding gives back exactly what was encoded, which the tests check.

type encoder struct{ b []byte }

func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int)     { e.b = binary.AppendVarint(e.b, int64(v)) }
func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	e.b = append(e.b, s...)
}

// strs writes a list, nil as 0 and others as length+1.
func (e *encoder) strs(ss []string) {
	if ss == nil {
		e.uint(0)
		return
	}
	e.uint(uint64(len(ss)) + 1)
	for _, s := range ss {
		e.str(s)
	}
}

func (e *encoder) pos(p finding.Position) { e.int(p.Line); e.int(p.Column); e.int(p.Byte) }

// Argument value kinds.
const (
	argNil byte = iota
	argString
	argBool
	argNumber
	argFloat
	argInt
	argInt64
	argJSON
)

func (e *encoder) args(m map[string]any) error {
	if m == nil {
		e.uint(0)
		return nil
	}
	e.uint(uint64(len(m)) + 1)
	for k, v := range m {
		e.str(k)
		switch x := v.(type) {
		case nil:
			e.b = append(e.b, argNil)
		case string:
			e.b = append(e.b, argString)
			e.str(x)
		case bool:
			e.b = append(e.b, argBool)
			if x {
				e.uint(1)
			} else {
				e.uint(0)
			}
		case json.Number:
			e.b = append(e.b, argNumber)
			e.str(string(x))
		case float64:
			e.b = append(e.b, argFloat)
			e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(x))
		case int:
			e.b = append(e.b, argInt)
			e.int(x)
		case int64:
			e.b = append(e.b, argInt64)
			e.b = binary.AppendVarint(e.b, x)
		default:
			raw, err := json.Marshal(x)
			if err != nil {
				return fmt.Errorf("spooling message argument %s: %w", k, err)
			}
			e.b = append(e.b, argJSON)
			e.str(string(raw))
		}
	}
	return nil
}

func (e *encoder) finding(f *finding.Finding) error {
	for _, s := range []string{f.RuleID, f.Title, string(f.Severity), f.Principle, f.Area, f.Profile} {
		e.str(s)
	}
	e.strs(f.Controls)
	e.str(string(f.Status))
	e.str(f.Message)
	e.str(f.Template)
	if err := e.args(f.Args); err != nil {
		return err
	}
	for _, s := range []string{f.Resource.Kind, f.Resource.ID, f.Field, f.Location.File} {
		e.str(s)
	}
	e.pos(f.Location.Start)
	e.pos(f.Location.End)
	for _, s := range []string{f.Remediation, f.HelpURI, f.Fingerprint} {
		e.str(s)
	}
	if s := f.Suppressed; s != nil {
		e.uint(1)
		for _, v := range []string{s.Kind, s.Reason, s.ApprovedBy, s.Expires} {
			e.str(v)
		}
	} else {
		e.uint(0)
	}
	e.str(f.Inventory)
	e.strs(f.SourceLines)
	return nil
}

func (e *encoder) evidence(v *finding.Evidence) {
	e.str(v.Inventory)
	e.str(v.RuleID)
	if v.Resource != nil {
		e.uint(1)
		e.str(v.Resource.Kind)
		e.str(v.Resource.ID)
	} else {
		e.uint(0)
	}
	e.str(string(v.Status))
	e.strs(v.Fields)
}

// decoder reads records back; the first error sticks and later reads
// return zero values.
type decoder struct {
	r   *bufio.Reader
	err error
	buf []byte
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	d.err = err
	return v
}

func (d *decoder) int() int {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadVarint(d.r)
	d.err = err
	return int(v)
}

func (d *decoder) str() string {
	n := d.uint()
	if d.err != nil || n == 0 {
		return ""
	}
	if uint64(cap(d.buf)) < n {
		d.buf = make([]byte, n)
	}
	b := d.buf[:n]
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.err = err
		return ""
	}
	return string(b)
}

func (d *decoder) strs() []string {
	n := d.uint()
	if n == 0 || d.err != nil {
		return nil
	}
	out := make([]string, n-1)
	for i := range out {
		out[i] = d.str()
	}
	return out
}

func (d *decoder) pos() finding.Position {
	return finding.Position{Line: d.int(), Column: d.int(), Byte: d.int()}
}

func (d *decoder) args() map[string]any {
	n := d.uint()
	if n == 0 || d.err != nil {
		return nil
	}
	m := make(map[string]any, n-1)
	for range n - 1 {
		k := d.str()
		kind, err := d.r.ReadByte()
		if err != nil {
			d.err = err
			return nil
		}
		switch kind {
		case argNil:
			m[k] = nil
		case argString:
			m[k] = d.str()
		case argBool:
			m[k] = d.uint() == 1
		case argNumber:
			m[k] = json.Number(d.str())
		case argFloat:
			var b [8]byte
			if _, err := io.ReadFull(d.r, b[:]); err != nil {
				d.err = err
				return nil
			}
			m[k] = math.Float64frombits(binary.LittleEndian.Uint64(b[:]))
		case argInt:
			m[k] = d.int()
		case argInt64:
			v, err := binary.ReadVarint(d.r)
			d.err = err
			m[k] = v
		case argJSON:
			dec := json.NewDecoder(bytes.NewReader([]byte(d.str())))
			dec.UseNumber()
			var v any
			if err := dec.Decode(&v); err != nil && d.err == nil {
				d.err = err
			}
			m[k] = v
		default:
			d.err = fmt.Errorf("spool: unknown argument kind %d", kind)
			return nil
		}
	}
	return m
}

func (d *decoder) finding() (finding.Finding, error) {
	var f finding.Finding
	f.RuleID, f.Title, f.Severity = d.str(), d.str(), finding.Severity(d.str())
	f.Principle, f.Area, f.Profile = d.str(), d.str(), d.str()
	f.Controls = d.strs()
	f.Status = finding.Status(d.str())
	f.Message, f.Template = d.str(), d.str()
	f.Args = d.args()
	f.Resource.Kind, f.Resource.ID, f.Field, f.Location.File = d.str(), d.str(), d.str(), d.str()
	f.Location.Start, f.Location.End = d.pos(), d.pos()
	f.Remediation, f.HelpURI, f.Fingerprint = d.str(), d.str(), d.str()
	if d.uint() == 1 {
		f.Suppressed = &finding.Suppression{Kind: d.str(), Reason: d.str(), ApprovedBy: d.str(), Expires: d.str()}
	}
	f.Inventory = d.str()
	f.SourceLines = d.strs()
	return f, d.err
}

func (d *decoder) evidence() (finding.Evidence, error) {
	var v finding.Evidence
	v.Inventory, v.RuleID = d.str(), d.str()
	if d.uint() == 1 {
		v.Resource = &finding.Resource{Kind: d.str(), ID: d.str()}
	}
	v.Status = finding.Status(d.str())
	v.Fields = d.strs()
	return v, d.err
}
