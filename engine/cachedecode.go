package engine

import (
	"encoding/binary"
	"encoding/json"
	"math"

	"github.com/citygate/citygate/engine/finding"
)

// decoder reads what encoder wrote. Any inconsistency (a short payload, a
// string number never defined, an unknown tag, bytes left over) makes the
// whole entry unreadable: it is recomputed, never half trusted.
type decoder struct {
	b     []byte
	strs  []string
	lists [][]string
	bad   bool
}

func (r *decoder) uint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.bad, r.b = true, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *decoder) int() int {
	v, n := binary.Varint(r.b)
	if n <= 0 || v != int64(int(v)) {
		r.bad, r.b = true, nil
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *decoder) bool() bool {
	if len(r.b) == 0 || r.b[0] > 1 {
		r.bad, r.b = true, nil
		return false
	}
	v := r.b[0] == 1
	r.b = r.b[1:]
	return v
}

// count reads a length and checks it against the bytes left (each item
// takes at least one byte), so a corrupt length cannot allocate much. A
// count of strList or argMap is up to two more than its items.
func (r *decoder) count() int {
	n := r.uint()
	if n > uint64(len(r.b))+2 {
		r.bad, r.b = true, nil
		return 0
	}
	return int(n)
}

func (r *decoder) str() string {
	i := r.uint()
	if i > 0 {
		if i > uint64(len(r.strs)) {
			r.bad, r.b = true, nil
			return ""
		}
		return r.strs[i-1]
	}
	n := r.uint()
	if n > uint64(len(r.b)) {
		r.bad, r.b = true, nil
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	r.strs = append(r.strs, s)
	return s
}

// strList reads a list. A list written before is shared with its
// earlier reading, as the cold run shares a rule's fields between its
// evidence entries: nothing changes a report's lists.
func (r *decoder) strList() []string {
	n := r.count()
	switch n {
	case 0:
		return nil
	case 1:
		i := r.uint()
		if i >= uint64(len(r.lists)) {
			r.bad, r.b = true, nil
			return nil
		}
		return r.lists[i]
	}
	out := make([]string, n-2)
	for i := range out {
		out[i] = r.str()
	}
	r.lists = append(r.lists, out)
	return out
}

func (r *decoder) value(depth int) any {
	if len(r.b) == 0 || depth > 32 {
		r.bad, r.b = true, nil
		return nil
	}
	tag := r.b[0]
	r.b = r.b[1:]
	switch tag {
	case tagNil:
		return nil
	case tagString:
		return r.str()
	case tagNumber:
		return json.Number(r.str())
	case tagTrue:
		return true
	case tagFalse:
		return false
	case tagFloat:
		if len(r.b) < 8 {
			r.bad, r.b = true, nil
			return nil
		}
		v := math.Float64frombits(binary.BigEndian.Uint64(r.b))
		r.b = r.b[8:]
		return v
	case tagList:
		n := r.count()
		if n > len(r.b) {
			r.bad, r.b = true, nil
			return nil
		}
		out := make([]any, n)
		for i := range out {
			out[i] = r.value(depth + 1)
		}
		return out
	case tagMap:
		return r.argMap(depth + 1)
	}
	r.bad, r.b = true, nil
	return nil
}

func (r *decoder) argMap(depth int) map[string]any {
	n := r.count()
	if n == 0 {
		return nil
	}
	m := make(map[string]any, n-1)
	for range n - 1 {
		k := r.str()
		m[k] = r.value(depth)
	}
	return m
}

func (r *decoder) location() finding.Location {
	var l finding.Location
	l.File = r.str()
	l.Start.Line, l.Start.Column, l.Start.Byte = r.int(), r.int(), r.int()
	l.End.Line, l.End.Column, l.End.Byte = r.int(), r.int(), r.int()
	return l
}

func (r *decoder) finding(f *finding.Finding) {
	f.RuleID = r.str()
	f.Title = r.str()
	f.Severity = finding.Severity(r.str())
	f.Principle = r.str()
	f.Area = r.str()
	f.Profile = r.str()
	f.Controls = r.strList()
	f.Status = finding.Status(r.str())
	f.Message = r.str()
	f.Template = r.str()
	f.Args = r.argMap(0)
	f.Resource.Kind = r.str()
	f.Resource.ID = r.str()
	f.Field = r.str()
	f.Location = r.location()
	f.Remediation = r.str()
	f.HelpURI = r.str()
	f.Fingerprint = r.str()
	if r.bool() {
		f.Suppressed = &finding.Suppression{Kind: r.str(), Reason: r.str(), ApprovedBy: r.str(), Expires: r.str()}
	}
	f.Inventory = r.str()
	f.SourceLines = r.strList()
}

// decodeOutcome reads an outcome encodeOutcome wrote for path.
func decodeOutcome(payload []byte, path string) (outcome, error) {
	r := &decoder{b: payload, strs: make([]string, 0, 256)}
	var o outcome
	inv := &o.inventory
	inv.Path = r.str()
	inv.Scope = r.str()
	inv.Profiles = r.strList()
	if r.bool() {
		inv.City = &finding.City{ID: r.str(), Name: r.str()}
	}
	inv.Vendors = r.strList()
	if n := r.count(); n > 0 {
		inv.Resources = make([]finding.ResourceLocation, n)
		for i := range inv.Resources {
			res := &inv.Resources[i]
			res.Kind, res.ID = r.str(), r.str()
			res.Location = r.location()
		}
	}
	inv.Loaded = r.bool()
	o.systems = r.int()
	o.scope = r.str()
	if n := r.count(); n > 0 {
		o.findings = make([]finding.Finding, n)
		o.exempt = make([]bool, n)
		for i := range o.findings {
			r.finding(&o.findings[i])
			o.exempt[i] = r.bool()
		}
	}
	if n := r.count(); n > 0 {
		o.evidence = make([]finding.Evidence, n)
		resources := make([]finding.Resource, 0, n)
		for i := range o.evidence {
			ev := &o.evidence[i]
			ev.Inventory = r.str()
			ev.RuleID = r.str()
			if r.bool() {
				resources = append(resources, finding.Resource{Kind: r.str(), ID: r.str()})
				ev.Resource = &resources[len(resources)-1]
			}
			ev.Status = finding.Status(r.str())
			ev.Fields = r.strList()
		}
	}
	if r.bad || len(r.b) != 0 || inv.Path != path || !inv.Loaded {
		return outcome{}, errCodec
	}
	return o, nil
}
