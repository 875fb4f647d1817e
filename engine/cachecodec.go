package engine

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"

	"github.com/citygate/citygate/engine/finding"
)

// The cache stores an outcome in a compact binary form: a warm run decodes
// one per inventory, and at 10,000 inventories with hundreds of evidence
// entries each, encoding/json cost more than loading the inventories.
// Strings are written once per entry and then referred to by number (an
// evidence list repeats rule ids, resource ids and field names). Slices
// keep the difference between nil and empty, and maps of arguments their
// Go types, because reporters print them differently.
//
// Every field of the outcome's types is written; TestCacheCodecCoversEveryField
// fails when a field is added to one of them, so the codec (and
// cacheFormat) is updated with it.

// errCodec is any payload that is not a whole outcome.
var errCodec = errors.New("cache entry does not decode")

type encoder struct {
	b    []byte
	strs map[string]uint64
	// lists numbers the string lists written (evidence repeats a rule's
	// fields for each resource), keyed by their strings' numbers.
	lists map[string]uint64
	err   error
}

func (w *encoder) uint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *encoder) int(v int)     { w.b = binary.AppendVarint(w.b, int64(v)) }
func (w *encoder) bool(v bool) {
	if v {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

// str writes a string the first time, and its number after.
func (w *encoder) str(s string) {
	if i, ok := w.strs[s]; ok {
		w.uint(i + 1)
		return
	}
	w.uint(0)
	w.uint(uint64(len(s)))
	w.b = append(w.b, s...)
	w.strs[s] = uint64(len(w.strs))
}

// strList writes a list: 0 for nil, 1 and a number for a list written
// before, else its length plus 2 and its strings.
func (w *encoder) strList(ss []string) {
	if ss == nil {
		w.uint(0)
		return
	}
	if id, ok := w.listID(ss); ok {
		if i, ok := w.lists[id]; ok {
			w.uint(1)
			w.uint(i)
			return
		}
	}
	w.uint(uint64(len(ss)) + 2)
	for _, s := range ss {
		w.str(s)
	}
	id, _ := w.listID(ss)
	w.lists[id] = uint64(len(w.lists))
}

// listID names a list by its strings' numbers; false when one of them
// has none yet (so the list was not written before).
func (w *encoder) listID(ss []string) (string, bool) {
	id := make([]byte, 0, 2*len(ss)+1)
	id = binary.AppendUvarint(id, uint64(len(ss)))
	for _, s := range ss {
		i, ok := w.strs[s]
		if !ok {
			return "", false
		}
		id = binary.AppendUvarint(id, i)
	}
	return string(id), true
}

// Tags of the values of message arguments.
const (
	tagNil byte = iota
	tagString
	tagNumber
	tagTrue
	tagFalse
	tagFloat
	tagList
	tagMap
)

func (w *encoder) value(v any) {
	switch v := v.(type) {
	case nil:
		w.b = append(w.b, tagNil)
	case string:
		w.b = append(w.b, tagString)
		w.str(v)
	case json.Number:
		w.b = append(w.b, tagNumber)
		w.str(string(v))
	case bool:
		if v {
			w.b = append(w.b, tagTrue)
		} else {
			w.b = append(w.b, tagFalse)
		}
	case float64:
		w.b = append(w.b, tagFloat)
		w.b = binary.BigEndian.AppendUint64(w.b, math.Float64bits(v))
	case []any:
		w.b = append(w.b, tagList)
		w.uint(uint64(len(v)))
		for _, x := range v {
			w.value(x)
		}
	case map[string]any:
		w.b = append(w.b, tagMap)
		w.argMap(v)
	default:
		// Not a type rules produce; the outcome is not cached.
		w.err = fmt.Errorf("cannot cache a message argument of type %T", v)
	}
}

// argMap writes a map in key order (0 for nil).
func (w *encoder) argMap(m map[string]any) {
	if m == nil {
		w.uint(0)
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	w.uint(uint64(len(keys)) + 1)
	for _, k := range keys {
		w.str(k)
		w.value(m[k])
	}
}

func (w *encoder) location(l finding.Location) {
	w.str(l.File)
	w.int(l.Start.Line)
	w.int(l.Start.Column)
	w.int(l.Start.Byte)
	w.int(l.End.Line)
	w.int(l.End.Column)
	w.int(l.End.Byte)
}

func (w *encoder) finding(f *finding.Finding) {
	w.str(f.RuleID)
	w.str(f.Title)
	w.str(string(f.Severity))
	w.str(f.Principle)
	w.str(f.Area)
	w.str(f.Profile)
	w.strList(f.Controls)
	w.str(string(f.Status))
	w.str(f.Message)
	w.str(f.Template)
	w.argMap(f.Args)
	w.str(f.Resource.Kind)
	w.str(f.Resource.ID)
	w.str(f.Field)
	w.location(f.Location)
	w.str(f.Remediation)
	w.str(f.HelpURI)
	w.str(f.Fingerprint)
	w.bool(f.Suppressed != nil)
	if s := f.Suppressed; s != nil {
		w.str(s.Kind)
		w.str(s.Reason)
		w.str(s.ApprovedBy)
		w.str(s.Expires)
	}
	w.str(f.Inventory)
	w.strList(f.SourceLines)
}

// encodeOutcome encodes a complete outcome (no errors: those are never
// cached). Status and Counts of the inventory are not written: assemble
// derives them.
func encodeOutcome(o *outcome) ([]byte, error) {
	if len(o.errors) > 0 {
		return nil, errors.New("an outcome with errors is not cached")
	}
	w := &encoder{b: make([]byte, 0, 4096), strs: map[string]uint64{}, lists: map[string]uint64{}}
	inv := &o.inventory
	w.str(inv.Path)
	w.str(inv.Scope)
	w.strList(inv.Profiles)
	w.bool(inv.City != nil)
	if inv.City != nil {
		w.str(inv.City.ID)
		w.str(inv.City.Name)
	}
	w.strList(inv.Vendors)
	w.uint(uint64(len(inv.Resources)))
	for _, r := range inv.Resources {
		w.str(r.Kind)
		w.str(r.ID)
		w.location(r.Location)
	}
	w.bool(inv.Loaded)
	w.int(o.systems)
	w.str(o.scope)
	w.uint(uint64(len(o.findings)))
	for i := range o.findings {
		w.finding(&o.findings[i])
		w.bool(i < len(o.exempt) && o.exempt[i])
	}
	w.uint(uint64(len(o.evidence)))
	for _, ev := range o.evidence {
		w.str(ev.Inventory)
		w.str(ev.RuleID)
		w.bool(ev.Resource != nil)
		if ev.Resource != nil {
			w.str(ev.Resource.Kind)
			w.str(ev.Resource.ID)
		}
		w.str(string(ev.Status))
		w.strList(ev.Fields)
	}
	if w.err != nil {
		return nil, w.err
	}
	return w.b, nil
}
