package report

import (
	"sort"
	"strings"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/i18n"
	"github.com/citygate/citygate/engine/tender"
)

// reportHeader is what the title and header of every human format say
// about a result: whose report it is (city, tender, vendors), when it was
// judged and by which citygate, and which config overrides changed the
// rules. Text, markdown and HTML build it once here, so they cannot
// disagree; each escapes the untrusted strings for its own syntax.
type reportHeader struct {
	Title string
	// Cities are the inventories' cities as "name (id)", or the id when
	// the block states no name, in command-line order.
	Cities  []string
	Tender  string
	Vendors []string
	AsOf    string
	Version string
	// Overrides are the config's rule overrides in words, one per rule.
	Overrides []string
}

// fact is one labelled line of a header.
type fact struct{ Label, Value string }

func headerOf(r *finding.Result, c *i18n.Catalog) reportHeader {
	h := reportHeader{AsOf: c.Date(r.AsOf), Version: r.Tool.Version, Vendors: vendorNames(r)}
	var names []string
	for _, city := range cities(r) {
		name := city.Name
		if name == "" {
			name = city.ID
		}
		names = append(names, name)
		if city.Name != "" && city.Name != city.ID {
			h.Cities = append(h.Cities, c.T("header.city_value", "name", city.Name, "id", city.ID))
		} else {
			h.Cities = append(h.Cities, city.ID)
		}
	}
	switch {
	case r.Tender != nil:
		h.Tender = r.Tender.ID
		if r.Tender.Title != "" {
			h.Tender = c.T("tender.title", "id", r.Tender.ID, "title", r.Tender.Title)
		}
		h.Title = h.Tender
	case len(names) > 0:
		h.Title = c.T("report.title_city", "city", strings.Join(names, ", "))
	default:
		h.Title = c.T("report.title")
	}
	h.Overrides = overrideWords(r.Overrides, c)
	return h
}

// facts are the header's labelled lines, in the order every format
// prints them; empty ones are left out.
func (h reportHeader) facts(c *i18n.Catalog) []fact {
	var out []fact
	add := func(key, value string) {
		if value != "" {
			out = append(out, fact{c.T(key), value})
		}
	}
	add("header.city", strings.Join(h.Cities, ", "))
	add("tender.id", h.Tender)
	vendorKey := "header.vendor"
	if len(h.Vendors) > 1 {
		vendorKey = "header.vendors"
	}
	add(vendorKey, strings.Join(h.Vendors, ", "))
	add("header.as_of", h.AsOf)
	add("header.version", h.Version)
	add("header.overrides", strings.Join(h.Overrides, "; "))
	return out
}

// cities are the distinct cities of the inventories, in command-line
// order: the engine's record of each city block, else (a result built by
// hand) the id of a city resource.
func cities(r *finding.Result) []finding.City {
	var out []finding.City
	seen := map[string]bool{}
	for _, inv := range r.Inventories {
		city := inv.City
		if city == nil {
			for _, res := range inv.Resources {
				if res.Kind == "city" {
					city = &finding.City{ID: res.ID}
					break
				}
			}
		}
		if city == nil || seen[city.ID+"\x00"+city.Name] {
			continue
		}
		seen[city.ID+"\x00"+city.Name] = true
		out = append(out, *city)
	}
	return out
}

// vendorNames are the distinct vendors the inventories' systems name, sorted.
func vendorNames(r *finding.Result) []string {
	seen := map[string]bool{}
	var out []string
	for _, inv := range r.Inventories {
		for _, v := range inv.Vendors {
			if !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
	}
	sort.Strings(out)
	return out
}

// overrideWords says each override as a reader needs it: "PRIV-002
// disabled for cities/hanoi/**", "SEC-016 severity high→medium".
func overrideWords(os []finding.Override, c *i18n.Catalog) []string {
	var out []string
	for _, o := range os {
		var s string
		switch {
		case o.Disabled:
			s = c.T("override.disabled", "rule", o.RuleID)
		default:
			s = c.T("override.severity", "rule", o.RuleID,
				"from", severityWord(c, o.From), "to", severityWord(c, o.Severity))
		}
		if len(o.Paths) > 0 {
			s = c.T("override.paths", "override", s, "paths", strings.Join(o.Paths, ", "))
		}
		out = append(out, s)
	}
	return out
}

// severityWord is a severity in lower case in the catalog's language; a
// level the catalogs do not know is shown as it is.
func severityWord(c *i18n.Catalog, s finding.Severity) string {
	if !s.Valid() {
		return string(s)
	}
	return strings.ToLower(c.T("severity." + string(s)))
}

// runVerdictKey is the run's verdict: fail when an unsuppressed finding
// reaches --fail-on, else incomplete when something could not be
// evaluated (a pass would claim more than citygate knows), else pass.
func runVerdictKey(r *finding.Result) string {
	switch {
	case r.Summary.Failed || r.Summary.Status == finding.RunFail:
		return "fail"
	case len(r.Errors) > 0:
		return "incomplete"
	}
	return "pass"
}

// statusKey is the verdict word's key for a run or inventory status: the
// machine value error (JSON) is the word incomplete in every format a
// person reads (docs/output-formats.md).
func statusKey(s finding.RunStatus) string {
	if s == finding.RunError {
		return "incomplete"
	}
	return string(s)
}

// verdictWord is a verdict as text, markdown and the GitHub summary print
// it: the catalog's word in capitals (PASS, FAIL, INCOMPLETE in English).
func verdictWord(c *i18n.Catalog, key string) string {
	return strings.ToUpper(c.T("verdict." + key))
}

// catalogFor is the catalog of a reporter's language ("" is English);
// formats that are not translated (github) use English.
func catalogFor(lang string) (*i18n.Catalog, error) { return i18n.Load(lang) }

// tenderHeader is the title and facts of a tender report: the tender,
// its city, the bids' vendors, the as-of date and citygate's version.
func tenderHeader(r *tender.Report, c *i18n.Catalog) (string, []fact) {
	t := r.Tender
	title := c.T("tender.title", "id", t.ID, "title", t.Title)
	city := t.CityID
	switch {
	case t.CityName != "" && t.CityName != t.CityID && t.CityID != "":
		city = c.T("header.city_value", "name", t.CityName, "id", t.CityID)
	case t.CityName != "":
		city = t.CityName
	case city == "":
		city = t.City
	}
	var vendors []string
	seen := map[string]bool{}
	for _, b := range r.Bids {
		if b.ID != "" && !seen[b.ID] {
			seen[b.ID] = true
			vendors = append(vendors, b.ID)
		}
	}
	var out []fact
	add := func(key, value string) {
		if value != "" {
			out = append(out, fact{c.T(key), value})
		}
	}
	add("tender.id", t.ID)
	add("header.city", city)
	if len(vendors) > 1 {
		add("header.vendors", strings.Join(vendors, ", "))
	} else {
		add("header.vendor", strings.Join(vendors, ", "))
	}
	add("header.as_of", c.Date(t.AsOf))
	add("header.version", r.Tool.Version)
	return title, out
}

// bidVerdictWord is a bid's verdict in the report's language, in lower
// case ("not eligible"): the same word the HTML comparison shows.
func bidVerdictWord(c *i18n.Catalog, v tender.Verdict) string {
	return strings.ToLower(c.T("tender.verdict." + string(v)))
}
