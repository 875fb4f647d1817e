package engine

import (
	"context"
	"fmt"
	"io/fs"
	"maps"
	"runtime"
	"time"

	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/topdown/print"

	"github.com/citygate/citygate/engine/cache"
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/engine/waiver"
)

// Version is citygate's version, reported in every output.
const Version = "0.1.0"

// DefaultTimeout bounds the evaluation of one inventory.
const DefaultTimeout = 10 * time.Second

// ruleQuery evaluates every loaded rule at once: one prepared query, with
// the package path bound so each finding is attributed to its rule.
const ruleQuery = "data.citygate.rules[principle][name].deny[finding]"

// Engine evaluates inventories against a policy library.
type Engine struct {
	// lib is nil for an engine that only validates.
	lib *policy.Library
	// rules are lib's rules, copied once: the engine's own, never handed out.
	rules []finding.Rule
	// denies evaluates every rule's deny set; gated is nil when no gate
	// rule is loaded.
	denies, gated *querySet
	// evaluator runs them (evaluator.go); fallbacks are the rules the
	// compiled evaluator hands to topdown.
	evaluator Evaluator
	fallbacks []Fallback
	asOf      string
	timeout   time.Duration
	parallel  int
	limits    inventory.Limits
	fsys      fs.FS
	failOn    finding.Threshold
	baseline  map[string]bool
	// loader is nil for inventory.Load (see WithLoader).
	loader Loader
	// schema is the inventory language: nil for the built-in one, or the
	// one with the extension blocks of the library's packs.
	schema *inventory.Schema
	// params are lib's params, copied once; maxWaiverDays is
	// params.max_waiver_days.
	params        map[string]any
	maxWaiverDays int
	// debug puts stack traces of internal errors in their reports.
	debug bool
	// appliesQuery and gateAppliesQuery find the resources rules and gates
	// declare they apply to; nil when none declares any (evidence.go).
	appliesQuery, gateAppliesQuery *querySet
	// profilesAdd and profilesRemove adjust the profiles each inventory's
	// jurisdictions select (profiles.go).
	profilesAdd, profilesRemove []string
	// print receives print() output (WithPrint); nil discards it.
	print print.Hook
	// overrides are the config's per-rule overrides (overrides.go).
	overrides []ruleOverride
	// cache, when set, holds outcomes keyed from cacheBase (cached.go).
	cache     cache.Cache
	cacheBase cache.Key
}

// Option configures an Engine.
type Option func(*Engine)

// WithAsOf sets the evaluation date rules compare against (YYYY-MM-DD).
func WithAsOf(date string) Option { return func(e *Engine) { e.asOf = date } }

// WithTimeout bounds the evaluation of each inventory.
func WithTimeout(d time.Duration) Option { return func(e *Engine) { e.timeout = d } }

// WithParallel sets how many inventories are loaded and evaluated at once;
// 0 (the CLI's default) means GOMAXPROCS, one per core.
func WithParallel(n int) Option { return func(e *Engine) { e.parallel = n } }

// WithLimits bounds what loading one inventory may cost.
func WithLimits(l inventory.Limits) Option { return func(e *Engine) { e.limits = l } }

// WithFS sets where inventories are read from (default: the OS).
func WithFS(fsys fs.FS) Option { return func(e *Engine) { e.fsys = fsys } }

// WithFailOn sets the severity at or above which findings fail the run.
func WithFailOn(t finding.Threshold) Option { return func(e *Engine) { e.failOn = t } }

// WithBaseline suppresses findings whose fingerprints a previous result held.
func WithBaseline(fingerprints map[string]bool) Option {
	return func(e *Engine) { e.baseline = maps.Clone(fingerprints) }
}

// New prepares the rule query once; every Check reuses it. With a nil
// library the engine can Validate inventories but not Check them.
// Options are applied in order; the engine keeps copies of what they
// pass (a baseline map changed later changes nothing).
func New(ctx context.Context, lib *policy.Library, opts ...Option) (*Engine, error) {
	e := &Engine{
		lib:      lib,
		asOf:     time.Now().UTC().Format(time.DateOnly),
		timeout:  DefaultTimeout,
		parallel: runtime.GOMAXPROCS(0),
		fsys:     inventory.OS{},
		failOn:   finding.Threshold(finding.Low),

		evaluator: Topdown,

		maxWaiverDays: waiver.DefaultMaxDays,
	}
	for _, o := range opts {
		o(e)
	}
	if err := checkRuleCount(lib); err != nil {
		return nil, err
	}
	if _, err := time.Parse(time.DateOnly, e.asOf); err != nil {
		return nil, fmt.Errorf("invalid as-of date %q: want YYYY-MM-DD", e.asOf)
	}
	if e.timeout <= 0 {
		return nil, fmt.Errorf("invalid timeout %s: the deadline for evaluating one inventory (--timeout) must be positive", e.timeout)
	}
	if _, err := ParseEvaluator(string(e.evaluator)); err != nil {
		return nil, err
	}
	if e.parallel < 1 {
		e.parallel = runtime.GOMAXPROCS(0)
	}
	if lib == nil {
		e.cache = nil
		return e, nil
	}
	schema, err := inventory.ExtendedSchema(lib.InventorySchema())
	if err != nil {
		return nil, err
	}
	if schema != inventory.InventorySchema {
		e.schema = schema
	}
	e.rules, e.params = lib.Rules(), lib.Params()
	e.maxWaiverDays = maxWaiverDays(e.params)
	if err := e.prepareOverrides(); err != nil {
		return nil, err
	}
	store := lib.Store(e.asOf)
	prepare := testPrepare(func(ctx context.Context, query, target string) (rego.PreparedEvalQuery, error) {
		return rego.New(
			rego.Query(query),
			rego.Compiler(lib.Compiler),
			rego.Store(store),
			rego.StrictBuiltinErrors(true),
			rego.Target(target),
		).PrepareForEval(ctx)
	})
	var denies, gates []string
	for _, r := range e.rules {
		if r.Gate {
			gates = append(gates, r.Package)
		} else {
			denies = append(denies, r.Package)
		}
	}
	qs, err := e.prepareSet(ctx, setQuery{query: ruleQuery, prefix: "citygate.rules", vars: []string{"principle", "name"}, value: "finding", set: "deny", pkgs: denies}, prepare)
	if err != nil {
		return nil, fmt.Errorf("preparing the rule query: %w", err)
	}
	e.denies = qs
	if err := e.prepareApplies(ctx, prepare); err != nil {
		return nil, err
	}
	if err := checkProfiles(append(append([]string(nil), e.profilesAdd...), e.profilesRemove...)); err != nil {
		return nil, err
	}
	e.prepareCache()
	if len(gates) > 0 {
		gq, err := e.prepareSet(ctx, setQuery{query: gateQuery, prefix: "citygate.gates", vars: []string{"name"}, value: "finding", set: "gated", pkgs: gates}, prepare)
		if err != nil {
			return nil, fmt.Errorf("preparing the gate query: %w", err)
		}
		e.gated = gq
	}
	return e, nil
}

// Rules are the loaded rules in id order: copies, so editing them changes
// nothing in the engine. Nil for an engine without a library.
func (e *Engine) Rules() []finding.Rule {
	if e.rules == nil {
		return nil
	}
	out := make([]finding.Rule, len(e.rules))
	for i, r := range e.rules {
		out[i] = policy.CloneRule(r)
	}
	return out
}

// AsOf is the evaluation date.
func (e *Engine) AsOf() string { return e.asOf }
