package tender

import (
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/schemas"
)

// Schema is the tender language, read by the inventory loader with the
// same limits and located diagnostics as inventories.
var Schema = inventory.NewSchema("tender.schema.json", schemas.Tender, "one tender block and waiver blocks")

// DefaultFailOn is what blocks award when the tender does not say.
const DefaultFailOn = finding.Threshold(finding.High)

// Lot is one lot of a tender: every system bid for it is judged with its
// category and criticality.
type Lot struct {
	ID          string `json:"id"`
	Title       string `json:"title,omitempty"`
	Category    string `json:"category"`
	Criticality string `json:"criticality"`
}

// Tender is a loaded tender file and the city inventory it names.
type Tender struct {
	// Path is the tender file as the user named it.
	Path  string
	ID    string
	Title string
	AsOf  string
	// Lang is the report language the tender asks for; the run's --lang
	// or lang: setting wins.
	Lang   string
	FailOn finding.Threshold
	Lots   []Lot
	// Weights are the score weights by principle key; empty means no score.
	Weights map[string]float64
	// CityPath is the city inventory's path, resolved against the tender file.
	CityPath string
	// File is the loaded tender: its waivers and where everything is written.
	File *inventory.Inventory
	// City is the loaded city inventory.
	City *inventory.Inventory
	// language is the inventory language the city and the bids are read
	// in: nil for the built-in one, or the one with the extension blocks
	// of the loaded policy packs (LoadIn).
	language *inventory.Schema
}

// Lot returns a lot by id.
func (t *Tender) Lot(id string) (Lot, bool) {
	for _, l := range t.Lots {
		if l.ID == id {
			return l, true
		}
	}
	return Lot{}, false
}

// LotIDs lists the lot ids in file order.
func (t *Tender) LotIDs() []string {
	out := make([]string, len(t.Lots))
	for i, l := range t.Lots {
		out[i] = l.ID
	}
	return out
}

// Load reads a tender file and the city inventory it names. Any error in
// either makes the tender invalid (diags has errors): no bid can be judged
// without it. The tender is returned whatever happened, with the files
// read, for diagnostic snippets.
func Load(fsys fs.FS, file string, limits inventory.Limits) (*Tender, hcl.Diagnostics) {
	return LoadIn(fsys, file, limits, nil)
}

// LoadIn is Load with the city inventory, and later the bids, read in
// language: the inventory schema with the extension blocks of the policy
// packs the bids are judged with (inventory.ExtendedSchema); nil is the
// built-in language.
func LoadIn(fsys fs.FS, file string, limits inventory.Limits, language *inventory.Schema) (*Tender, hcl.Diagnostics) {
	inv, diags := inventory.Load(fsys, file, inventory.Options{Limits: limits, Schema: Schema})
	t := &Tender{Path: file, File: inv, FailOn: DefaultFailOn, Weights: map[string]float64{}, language: language}
	if inv.Doc == nil {
		return t, diags
	}
	raw, err := ast.JSON(inv.Doc)
	if err != nil {
		return t, append(diags, &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Internal error", Detail: err.Error()})
	}
	doc, _ := raw.(map[string]any)
	tb, _ := doc["tender"].(map[string]any)
	t.ID, _ = tb["id"].(string)
	t.Title, _ = tb["title"].(string)
	t.AsOf, _ = tb["as_of"].(string)
	t.Lang, _ = tb["lang"].(string)
	if s, ok := tb["fail_on"].(string); ok {
		t.FailOn = finding.Threshold(s)
	}
	lots, _ := tb["lots"].([]any)
	for _, l := range lots {
		m, _ := l.(map[string]any)
		lot := Lot{}
		lot.ID, _ = m["id"].(string)
		lot.Title, _ = m["title"].(string)
		lot.Category, _ = m["category"].(string)
		lot.Criticality, _ = m["criticality"].(string)
		t.Lots = append(t.Lots, lot)
	}
	weights, _ := tb["weights"].(map[string]any)
	for k, v := range weights {
		if n, err := strconv.ParseFloat(fmt.Sprint(v), 64); err == nil && n > 0 {
			t.Weights[k] = n
		}
	}
	city, _ := tb["city"].(string)
	t.CityPath = resolve(file, city)
	cityInv, cdiags := inventory.Load(fsys, t.CityPath, inventory.Options{Limits: limits, Schema: language})
	diags = append(diags, cdiags...)
	t.City = cityInv
	if cityInv.Doc == nil {
		return t, append(diags, cityError(inv, fmt.Sprintf("The city inventory %s named by the tender could not be loaded; fix the problems above.", t.CityPath)))
	}
	if len(cityInv.Source.Blocks("city")) == 0 {
		return t, append(diags, cityError(inv, fmt.Sprintf("%s has no city block: bids are judged in the city's context (jurisdictions, allowed data regions, zones), so the tender must name the city's inventory.", t.CityPath)))
	}
	return t, diags
}

// Files are the tender's and the city's files, for snippets.
func (t *Tender) Files() map[string]*inventory.SourceFile {
	out := map[string]*inventory.SourceFile{}
	for _, inv := range []*inventory.Inventory{t.File, t.City} {
		if inv != nil {
			for n, f := range inv.Files {
				out[n] = f
			}
		}
	}
	return out
}

// resolve reads the tender's city path relative to the tender file.
func resolve(file, city string) string {
	city = strings.ReplaceAll(city, "\\", "/")
	if path.IsAbs(city) {
		return path.Clean(city)
	}
	return path.Join(path.Dir(strings.ReplaceAll(file, "\\", "/")), city)
}

// cityError points at the tender's city attribute.
func cityError(inv *inventory.Inventory, detail string) *hcl.Diagnostic {
	d := &hcl.Diagnostic{Severity: hcl.DiagError, Summary: "Invalid city inventory", Detail: detail}
	if rng, _, ok := inv.Source.Locate("tender", tenderID(inv), "city"); ok {
		d.Subject = rng.Ptr()
	}
	return d
}

func tenderID(inv *inventory.Inventory) string {
	if b := inv.Source.Blocks("tender"); len(b) > 0 {
		return b[0].Label()
	}
	return ""
}
