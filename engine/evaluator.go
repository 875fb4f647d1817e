package engine

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	// The Wasm engine registers itself with the rego package; without it,
	// rego.Target("wasm") fails with "engine not found".
	_ "github.com/open-policy-agent/opa/v1/features/wasm"
	"github.com/open-policy-agent/opa/v1/rego"
)

// Evaluator is how the engine runs the policies' Rego.
type Evaluator string

const (
	// Topdown is OPA's interpreter, the default.
	Topdown Evaluator = "topdown"
	// Wasm compiles the queries to WebAssembly once and runs the module on
	// wazero (pure Go) per inventory. Rules it cannot compile run on
	// topdown (Fallbacks).
	Wasm Evaluator = "wasm"
)

// ParseEvaluator reads --evaluator; "" is the default.
func ParseEvaluator(s string) (Evaluator, error) {
	switch Evaluator(s) {
	case "", Topdown:
		return Topdown, nil
	case Wasm:
		return Wasm, nil
	}
	return "", fmt.Errorf("unknown evaluator %q: want topdown or wasm", s)
}

// WithEvaluator sets how the policies' Rego is evaluated (default Topdown).
func WithEvaluator(ev Evaluator) Option { return func(e *Engine) { e.evaluator = ev } }

// Fallback is a rule the compiled evaluator could not run: its query
// (deny, applies or gated) is evaluated by topdown instead, for that rule
// only.
type Fallback struct {
	Package string
	Query   string
	Reason  string
}

// Fallbacks are the rules Wasm could not compile, in package order; empty
// under topdown.
func (e *Engine) Fallbacks() []Fallback { return slices.Clone(e.fallbacks) }

// hit is one value a rule's set (deny, applies, gated) holds.
type hit struct {
	pkg   string
	value any
}

// querySet evaluates one set rule (deny, applies or gated) of every loaded
// rule on an inventory.
//
// Under topdown it is one prepared query binding the package path
// (data.citygate.rules[principle][name].deny[finding]). Under Wasm it is
// one compiled query building an object keyed by package, over the rules
// Wasm compiles, and a topdown query of the same shape over the others.
// traced is the topdown query of the whole set, which stuckIn re-runs to
// name the rule a timed-out inventory was stuck in.
type querySet struct {
	parts  []queryPart
	traced rego.PreparedEvalQuery
}

type queryPart struct {
	pq rego.PreparedEvalQuery
	// pool holds the Wasm copies of pq, one per worker (newPool).
	pool chan rego.PreparedEvalQuery
	// byPackage: the query binds x to {package: set}; otherwise it binds
	// the path variables and the value (refQuery).
	byPackage bool
	// prefix, vars and value read a refQuery's bindings.
	prefix string
	vars   []string
	value  string
}

// setQuery describes one set rule for every rule: the general query, how
// to read its bindings, and the rule packages it covers.
type setQuery struct {
	query  string
	prefix string
	vars   []string
	value  string
	set    string
	pkgs   []string
}

// prepareSet prepares q with the engine's evaluator.
func (e *Engine) prepareSet(ctx context.Context, q setQuery, prepare preparer) (*querySet, error) {
	general := func(target string) (queryPart, error) {
		pq, err := prepare(ctx, q.query, target)
		return queryPart{pq: pq, prefix: q.prefix, vars: q.vars, value: q.value}, err
	}
	td, err := general("")
	if err != nil {
		return nil, err
	}
	qs := &querySet{traced: td.pq}
	if e.evaluator != Wasm {
		qs.parts = []queryPart{td}
		return qs, nil
	}
	// One module for every rule first; only when it does not compile is
	// each rule tried alone, to find the ones that must fall back.
	if part, err := byPackage(ctx, prepare, q.pkgs, q.set, "wasm"); err == nil {
		if part.pool, err = e.newPool(ctx, prepare, q.pkgs, q.set, part.pq); err != nil {
			return nil, err
		}
		qs.parts = []queryPart{part}
		return qs, nil
	}
	var compiled, fallback []string
	for _, pkg := range q.pkgs {
		if _, err := byPackage(ctx, prepare, []string{pkg}, q.set, "wasm"); err != nil {
			fallback = append(fallback, pkg)
			e.fallbacks = append(e.fallbacks, Fallback{Package: pkg, Query: q.set, Reason: oneLine(err)})
			continue
		}
		compiled = append(compiled, pkg)
	}
	for _, p := range []struct {
		pkgs   []string
		target string
	}{{compiled, "wasm"}, {fallback, ""}} {
		if len(p.pkgs) == 0 {
			continue
		}
		part, err := byPackage(ctx, prepare, p.pkgs, q.set, p.target)
		if err != nil {
			return nil, err
		}
		if p.target == "wasm" {
			if part.pool, err = e.newPool(ctx, prepare, p.pkgs, q.set, part.pq); err != nil {
				return nil, err
			}
		}
		qs.parts = append(qs.parts, part)
	}
	return qs, nil
}

// preparer prepares a query for a target ("" is topdown).
type preparer func(ctx context.Context, query, target string) (rego.PreparedEvalQuery, error)

// testPrepare lets a test make the Wasm compiler refuse a rule: none of
// the built-in rules fails to compile, so the fallback needs one.
var testPrepare = func(p preparer) preparer { return p }

// byPackage prepares x := {"pkg": data.pkg.set, ...} over pkgs.
func byPackage(ctx context.Context, prepare preparer, pkgs []string, set, target string) (queryPart, error) {
	obj := ast.NewObject()
	for _, pkg := range pkgs {
		ref := ast.Ref{ast.DefaultRootDocument}
		for seg := range strings.SplitSeq(pkg, ".") {
			ref = append(ref, ast.StringTerm(seg))
		}
		obj.Insert(ast.StringTerm(pkg), ast.NewTerm(append(ref, ast.StringTerm(set))))
	}
	pq, err := prepare(ctx, "x := "+obj.String(), target)
	return queryPart{pq: pq, byPackage: true}, err
}

// eval runs every part on one input. On failure it names the part's query,
// for evalFailure.
// opts are the engine's evaluation options for one inventory (its input,
// the print hook): evalOptions.
func (qs *querySet) eval(ctx context.Context, opts []rego.EvalOption) ([]hit, error) {
	var out []hit
	for _, p := range qs.parts {
		rs, err := p.eval(ctx, opts)
		if err != nil {
			return nil, err
		}
		out = p.hits(rs, out)
	}
	return out, nil
}

// eval runs the part once. A Wasm query is taken from the pool for the
// call: OPA's Wasm SDK (v1.22.2) releases its VM before the caller has
// read the result out of the VM's memory, so two evaluations sharing one
// prepared query can read each other's results. A prepared query used by
// one goroutine at a time never hands its VM to another mid-read.
func (p queryPart) eval(ctx context.Context, opts []rego.EvalOption) (rego.ResultSet, error) {
	if p.pool == nil {
		return p.pq.Eval(ctx, opts...)
	}
	var pq rego.PreparedEvalQuery
	select {
	case pq = <-p.pool:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { p.pool <- pq }()
	return pq.Eval(ctx, opts...)
}

// newPool is first and e.parallel-1 more copies of a Wasm query: each
// compiles the module again (about a second for the built-in rules).
func (e *Engine) newPool(ctx context.Context, prepare preparer, pkgs []string, set string, first rego.PreparedEvalQuery) (chan rego.PreparedEvalQuery, error) {
	pool := make(chan rego.PreparedEvalQuery, e.parallel)
	pool <- first
	for range e.parallel - 1 {
		part, err := byPackage(ctx, prepare, pkgs, set, "wasm")
		if err != nil {
			return nil, err
		}
		pool <- part.pq
	}
	return pool, nil
}

func (p queryPart) hits(rs rego.ResultSet, out []hit) []hit {
	if !p.byPackage {
		for _, r := range rs {
			pkg := p.prefix
			for _, v := range p.vars {
				pkg += fmt.Sprintf(".%v", r.Bindings[v])
			}
			out = append(out, hit{pkg: pkg, value: r.Bindings[p.value]})
		}
		return out
	}
	for _, r := range rs {
		sets, _ := r.Bindings["x"].(map[string]any)
		pkgs := make([]string, 0, len(sets))
		for pkg := range sets {
			pkgs = append(pkgs, pkg)
		}
		slices.Sort(pkgs)
		for _, pkg := range pkgs {
			vals, _ := sets[pkg].([]any)
			for _, v := range vals {
				out = append(out, hit{pkg: pkg, value: v})
			}
		}
	}
	return out
}

// oneLine keeps the first line of a compile error, for --debug.
func oneLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// deadline makes an evaluation stopped by its context read as one: the
// Wasm SDK reports a closed module, not context.DeadlineExceeded, and
// evalFailure words a timeout by that error.
func (e *Engine) deadline(ctx context.Context, err error) error {
	if err == nil || timedOut(err) || ctx.Err() == nil {
		return err
	}
	return fmt.Errorf("%w (%w)", ctx.Err(), err)
}
