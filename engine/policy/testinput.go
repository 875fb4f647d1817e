package policy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/citygate/citygate/internal/didyoumean"
	"github.com/citygate/citygate/schemas"
)

// OPA's type checker does not check the value of `with input as V`
// against the input schema: it widens input's type to the union of the
// schema and V's type. A test whose input misspells a field ("persnal":
// false) then passes without testing anything. checkTestInputs closes
// that gap for the values it can see: in every test module, each `with
// input as V` (or `with input.systems as V`, ...) whose V is a literal, or
// a variable the same rule assigns a literal, is walked against the
// inventory schema. A key the schema does not have is an error, with a
// did-you-mean; so is a literal scalar of the wrong type or outside an
// enum, since the loader never produces one. Missing fields are fine:
// partial inputs are the point of unit tests. Parts built by functions,
// comprehensions or references are not checked (their values exist only
// at run time).

var (
	schemaDocOnce sync.Once
	schemaDoc     map[string]any
)

func inventorySchemaDoc() map[string]any {
	schemaDocOnce.Do(func() {
		if err := json.Unmarshal(schemas.Inventory, &schemaDoc); err != nil {
			panic(fmt.Sprintf("embedded inventory schema is not JSON: %v", err))
		}
	})
	return schemaDoc
}

// maxResolve bounds how many variables one value may go through.
const maxResolve = 16

// checkTestInputs checks the `with input` values of the test modules
// against schemaJSON: the inventory schema the rules are compiled with,
// packs' extension blocks included (the built-in schema when empty).
func checkTestInputs(tests map[string]*ast.Module, schemaJSON []byte) Errors {
	doc := inventorySchemaDoc()
	if len(schemaJSON) > 0 && !bytes.Equal(schemaJSON, schemas.Inventory) {
		var extended map[string]any // never into doc: that is the shared built-in one
		if err := json.Unmarshal(schemaJSON, &extended); err != nil {
			return Errors{{Message: "the inventory schema with the packs' extensions is not JSON: " + err.Error()}}
		}
		doc = extended
	}
	names := make([]string, 0, len(tests))
	for n := range tests {
		names = append(names, n)
	}
	sort.Strings(names)
	var errs Errors
	for _, n := range names {
		for _, rule := range tests[n].Rules {
			c := &inputChecker{assigned: assignments(rule)}
			ast.WalkExprs(rule, func(e *ast.Expr) bool {
				for _, w := range e.With {
					schema, path, ok := targetSchema(w.Target, doc)
					if ok {
						c.check(w.Value, schema, path, 0)
					}
				}
				return false
			})
			errs = append(errs, c.errs...)
		}
	}
	errs.sort()
	return errs
}

// assignments maps each variable a rule assigns exactly once (x := V or
// x = V) to its value.
func assignments(rule *ast.Rule) map[ast.Var]*ast.Term {
	out := map[ast.Var]*ast.Term{}
	count := map[ast.Var]int{}
	ast.WalkExprs(rule, func(e *ast.Expr) bool {
		if !e.IsAssignment() && !e.IsEquality() {
			return false
		}
		if v, ok := e.Operand(0).Value.(ast.Var); ok {
			out[v] = e.Operand(1)
			count[v]++
		}
		return false
	})
	for v, n := range count {
		if n > 1 {
			delete(out, v)
		}
	}
	return out
}

// targetSchema is the schema of a `with` target under input: input
// itself, or a path of string keys below it.
func targetSchema(target *ast.Term, schema map[string]any) (map[string]any, string, bool) {
	ref, ok := target.Value.(ast.Ref)
	if !ok || !ref[0].Equal(ast.InputRootDocument) {
		return nil, "", false
	}
	for _, t := range ref[1:] {
		key, ok := t.Value.(ast.String)
		if !ok {
			return nil, "", false
		}
		props, _ := schema["properties"].(map[string]any)
		next, ok := props[string(key)].(map[string]any)
		if !ok {
			return nil, "", false // OPA's own checker reports unknown refs
		}
		schema = next
	}
	return schema, ref.String(), true
}

type inputChecker struct {
	assigned map[ast.Var]*ast.Term
	errs     Errors
}

func (c *inputChecker) check(t *ast.Term, schema map[string]any, path string, depth int) {
	if v, ok := t.Value.(ast.Var); ok {
		if depth >= maxResolve || c.assigned[v] == nil {
			return
		}
		c.check(c.assigned[v], schema, path, depth+1)
		return
	}
	if !c.checkType(t, schema, path) {
		return
	}
	switch v := t.Value.(type) {
	case ast.Object:
		props, _ := schema["properties"].(map[string]any)
		for _, k := range v.Keys() {
			key, ok := k.Value.(ast.String)
			if !ok {
				continue
			}
			sub := path + "." + string(key)
			if child, ok := props[string(key)].(map[string]any); ok {
				c.check(v.Get(k), child, sub, depth)
				continue
			}
			switch extra := schema["additionalProperties"].(type) {
			case map[string]any:
				c.check(v.Get(k), extra, sub, depth)
			case bool:
				if !extra {
					c.unknownKey(k, string(key), path, props)
				}
			}
		}
	case *ast.Array:
		if items, ok := schema["items"].(map[string]any); ok {
			for i := 0; i < v.Len(); i++ {
				c.check(v.Elem(i), items, fmt.Sprintf("%s[%d]", path, i), depth)
			}
		}
	}
}

func (c *inputChecker) unknownKey(k *ast.Term, key, path string, props map[string]any) {
	names := make([]string, 0, len(props))
	for n := range props {
		names = append(names, n)
	}
	sort.Strings(names)
	hint := "see docs/inventory.md for the fields"
	if best := didyoumean.Closest(key, names); best != "" {
		hint = fmt.Sprintf("did you mean %q?", best)
	}
	c.errs = append(c.errs, at(k.Location, hint,
		"test input: the inventory schema has no field %q in %s, so this test does not test what it says", key, path))
}

func (c *inputChecker) checkType(t *ast.Term, schema map[string]any, path string) bool {
	var have string
	switch v := t.Value.(type) {
	case ast.Object:
		have = "object"
	case *ast.Array:
		have = "array"
	case ast.String:
		have = "string"
	case ast.Boolean:
		have = "boolean"
	case ast.Number:
		have = "number"
		if _, ok := v.Int64(); ok {
			have = "integer"
		}
	default:
		return false // null, sets, calls, refs, comprehensions: not literal JSON
	}
	want, _ := schema["type"].(string)
	if want != "" && want != have && !(want == "number" && have == "integer") {
		c.errs = append(c.errs, at(t.Location, "see docs/inventory.md for the field's type",
			"test input: %s is %s %s; the inventory schema wants %s %s", path, article(have), have, article(want), want))
		return false
	}
	if enum, ok := schema["enum"].([]any); ok && have == "string" {
		s := string(t.Value.(ast.String))
		if _, upper := schema["x-normalize"]; upper {
			s = strings.ToUpper(s)
		}
		if !slices.Contains(enum, any(s)) {
			names := make([]string, 0, len(enum))
			for _, e := range enum {
				if n, ok := e.(string); ok {
					names = append(names, n)
				}
			}
			hint := "one of " + strings.Join(quoteAll(names), ", ")
			if len(names) > 12 {
				hint = "see docs/inventory.md for the values"
			}
			if best := didyoumean.Closest(s, names); best != "" {
				hint = fmt.Sprintf("did you mean %q?", best)
			}
			c.errs = append(c.errs, at(t.Location, hint, "test input: %s is %q, which the inventory schema does not allow", path, s))
		}
	}
	return true
}

func article(word string) string {
	if strings.IndexByte("aeiou", word[0]) >= 0 {
		return "an"
	}
	return "a"
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}
