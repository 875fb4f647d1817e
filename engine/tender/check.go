package tender

import (
	"context"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/engine/waiver"
	"github.com/citygate/citygate/internal/workpool"
)

// Options tune a tender check.
type Options struct {
	// FS is where bids are read from (default: the OS).
	FS fs.FS
	// Limits bound loading each bid, as for inventories.
	Limits inventory.Limits
	// AsOf overrides the tender's evaluation date.
	AsOf string
	// Parallel is how many bids are read at once (0: one per core).
	Parallel int
	// Engine options (timeout, parallelism, debug) for the evaluation.
	Engine []engine.Option
}

// Check judges every bid independently against the tender: each is read,
// checked for what a bid may hold, composed with the city's context and
// evaluated on its own, in parallel. A bid that cannot be judged is
// incomplete; the others are still reported.
func Check(ctx context.Context, lib *policy.Library, t *Tender, bidPaths []string, o Options) (*Report, error) {
	if o.FS == nil {
		o.FS = inventory.OS{}
	}
	if o.Parallel <= 0 {
		o.Parallel = runtime.GOMAXPROCS(0)
	}
	paths := unique(bidPaths)
	bids := make([]*Bid, len(paths))
	workpool.ForEach(len(paths), o.Parallel, func(i int) {
		bids[i] = t.LoadBid(o.FS, paths[i], o.Limits)
	})
	rejectSharedVendors(bids)
	byPath := make(map[string]*Bid, len(bids))
	for _, b := range bids {
		byPath[b.Path] = b
	}
	var opts []engine.Option
	if t.AsOf != "" {
		opts = append(opts, engine.WithAsOf(t.AsOf))
	}
	opts = append(opts, o.Engine...)
	if o.AsOf != "" {
		opts = append(opts, engine.WithAsOf(o.AsOf))
	}
	opts = append(opts, engine.WithFailOn(t.FailOn), engine.WithFS(o.FS), engine.WithLimits(o.Limits),
		engine.WithLoader(func(_ fs.FS, p string, _ inventory.Options) (*inventory.Inventory, hcl.Diagnostics) {
			b := byPath[p]
			if b.Inventory == nil {
				return &inventory.Inventory{Path: p, Files: b.raw.Files, Resources: b.raw.Resources}, b.Diags
			}
			return b.Inventory, b.Diags
		}))
	eng, err := engine.New(ctx, lib, opts...)
	if err != nil {
		return nil, err
	}
	res, err := runEngine(ctx, eng, paths)
	if err != nil {
		return nil, err
	}
	return assemble(t, eng, res, bids), nil
}

// unique drops repeated paths: a bid named twice is one bid.
func unique(paths []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range paths {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// rejectSharedVendors makes every bid that names a vendor another bid also
// names incomplete: which bid speaks for the vendor (and which of the
// city's waivers it gets) is for the committee to settle, not for the
// order of the command line.
func rejectSharedVendors(bids []*Bid) {
	byVendor := map[string][]*Bid{}
	for _, b := range bids {
		if b.Vendor != "" {
			byVendor[b.Vendor] = append(byVendor[b.Vendor], b)
		}
	}
	for vendor, group := range byVendor {
		if len(group) < 2 {
			continue
		}
		for _, b := range group {
			var others []string
			for _, o := range group {
				if o != b {
					others = append(others, o.Path)
				}
			}
			b.errorf(b.vendorRange, "Two bids of one vendor",
				"Vendor %q also bids in %s. Each vendor submits one bid (one file or directory) holding all its systems; none of these bids is judged until that is settled.",
				vendor, strings.Join(others, ", "))
			b.Inventory = nil
		}
	}
}

// assemble splits the engine's result per bid, separates city actions and
// judges each bid.
func assemble(t *Tender, eng *engine.Engine, res *finding.Result, bids []*Bid) *Report {
	rules := append(append(append([]finding.Rule(nil), eng.Rules()...), waiver.Rules...), Rules...)
	r := &Report{
		SchemaVersion: ReportSchemaVersion,
		Tool:          finding.Tool{Name: "citygate", Version: engine.Version},
		Tender: Info{ID: t.ID, Title: t.Title, AsOf: eng.AsOf(), FailOn: t.FailOn, City: t.CityPath,
			Lots: t.Lots, Weights: t.Weights},
		Bids:        []BidResult{},
		CityActions: []CityAction{},
		Errors:      []finding.Error{},
		Rules:       rules,
	}
	if len(t.Weights) > 0 {
		r.Tender.ScoreFormula = ScoreFormula
	}
	if c := engine.CityOf(t.City); c != nil {
		r.Tender.CityID, r.Tender.CityName = c.ID, c.Name
	}
	perBidCity := map[string][]finding.Finding{}
	var tenderErrs []finding.Error
	var order []string
	for _, b := range bids {
		br := BidResult{ID: bidID(b), Path: b.Path, Principles: []PrincipleCounts{}, Evidence: []Evidence{},
			Findings: []finding.Finding{}, Errors: []finding.Error{}}
		for _, inv := range res.Inventories {
			if inv.Path == b.Path {
				br.inventory = inv
			}
		}
		var found []finding.Finding
		for _, f := range res.Findings {
			if f.Inventory == b.Path {
				found = append(found, f)
			}
		}
		for _, e := range res.Errors {
			switch {
			case e.Inventory != b.Path:
			case e.File == t.Path:
				// A waiver of the tender that cannot be right (unknown rule or
				// resource, too long) is the city's error, not the bid's.
				tenderErrs = addError(tenderErrs, e)
			default:
				br.Errors = append(br.Errors, e)
			}
		}
		own, city := split(found)
		own = append(own, b.Findings...)
		sort.SliceStable(own, func(i, j int) bool { return finding.Less(&own[i], &own[j]) })
		br.Findings = own
		loaded := b.Inventory != nil && len(br.Errors) == 0
		br.Verdict = verdict(loaded, own, t.FailOn)
		if loaded {
			br.Evidence = bidEvidence(engineEvidence(res, b.Path, eng.Rules()), own)
			br.Principles = principleCounts(ruleStatuses(br.Evidence), rules)
			perBidCity[br.ID] = city
			order = append(order, br.ID)
		}
		br.Score = score(br.Principles, t.Weights, br.Verdict)
		r.Bids = append(r.Bids, br)
		r.Errors = append(r.Errors, br.Errors...)
	}
	r.CityActions = cityActions(perBidCity, order, t.City.Name)
	r.Errors = append(r.Errors, tenderErrs...)
	return r
}

// addError adds a tender error once, however many bids' evaluations met it.
func addError(errs []finding.Error, e finding.Error) []finding.Error {
	e.Inventory = ""
	for _, x := range errs {
		if x == e {
			return errs
		}
	}
	return append(errs, e)
}

// bidID is the vendor, or for a bid whose vendor is unknown its path's
// base name.
func bidID(b *Bid) string {
	if b.Vendor != "" {
		return b.Vendor
	}
	base := path.Base(strings.ReplaceAll(b.Path, "\\", "/"))
	return strings.TrimSuffix(strings.TrimSuffix(base, ".json"), ".hcl")
}
