package policy

import (
	"encoding/json"
	"fmt"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/schemas"
)

var (
	schemaOnce sync.Once
	schemaSet  *ast.SchemaSet
)

// inventorySchema is the schema set that types `input` for every module.
func inventorySchema() *ast.SchemaSet {
	schemaOnce.Do(func() {
		var doc any
		if err := json.Unmarshal(schemas.Inventory, &doc); err != nil {
			panic(fmt.Sprintf("embedded inventory schema is not JSON: %v", err))
		}
		schemaSet = ast.NewSchemaSet()
		schemaSet.Put(ast.SchemaRootRef, doc)
	})
	return schemaSet
}

// newCompiler is the one compiler configuration for production and tests:
// Rego v1, restricted capabilities, input typed by the inventory schema.
// print() is kept only for tests and debugging (Options.Print), where its
// output helps authors; elsewhere the compiler erases the calls.
func newCompiler(print bool) *ast.Compiler {
	return ast.NewCompiler().
		WithDefaultRegoVersion(ast.RegoV1).
		WithCapabilities(Capabilities()).
		WithSchemas(inventorySchema()).
		WithUseTypeCheckAnnotations(true).
		WithStrict(true).
		WithEnablePrintStatements(print)
}

// compile compiles the production modules with input typed by schemaSet
// (the inventory schema, with the packs' extensions), keeping print()
// calls when print is set.
func compile(modules map[string]*ast.Module, schemaSet *ast.SchemaSet, print bool) (*ast.Compiler, Errors) {
	c := newCompiler(print).WithSchemas(schemaSet)
	c.Compile(modules)
	if c.Failed() {
		errs := fromAST(c.Errors)
		errs.sort()
		return nil, errs
	}
	return c, nil
}

// helperRefs are the result helpers of citygate.lib; every deny rule must
// build its findings with one of them so the result shape is defined once.
var helperRefs = []ast.Ref{
	ast.MustParseRef("data.citygate.lib.finding"),
	ast.MustParseRef("data.citygate.lib.finding_with_severity"),
	ast.MustParseRef("data.citygate.lib.finding_t"),
	ast.MustParseRef("data.citygate.lib.fail"),
	ast.MustParseRef("data.citygate.lib.fail_with_severity"),
	ast.MustParseRef("data.citygate.lib.not_stated"),
	ast.MustParseRef("data.citygate.lib.not_stated_with_severity"),
}

// checkHelperUse requires that each rule package defines deny (a gate:
// gated) and that every such rule calls a result helper.
func checkHelperUse(c *ast.Compiler, rules []finding.Rule) Errors {
	var errs Errors
	for _, r := range rules {
		m := c.Modules[r.File]
		name := "deny"
		if r.Gate {
			name = "gated"
		}
		denies := 0
		for _, rule := range m.Rules {
			if len(rule.Head.Reference) == 0 || rule.Head.Reference[0].Value.Compare(ast.Var(name)) != 0 {
				continue
			}
			denies++
			if !usesHelper(rule) {
				errs = append(errs, at(rule.Location, "build the result with lib.fail(resource, field, template, args) or lib.not_stated(resource, field) (version 1: lib.finding(resource, field, message))",
					"%s rule of %s (%s) does not use the result helper", name, r.ID, r.Package))
			}
		}
		if denies == 0 {
			errs = append(errs, at(m.Package.Location, fmt.Sprintf("add `%s contains lib.fail(...) if { ... }`", name),
				"rule %s (%s) defines no %s rule", r.ID, r.Package, name))
		}
	}
	errs.sort()
	return errs
}

func usesHelper(rule *ast.Rule) bool {
	found := false
	ast.WalkRefs(rule, func(ref ast.Ref) bool {
		for _, h := range helperRefs {
			if ref.HasPrefix(h) {
				found = true
			}
		}
		return found
	})
	return found
}

// templateHelpers are the helpers whose third argument is a message
// template id.
var templateHelpers = []ast.Ref{
	ast.MustParseRef("data.citygate.lib.fail"),
	ast.MustParseRef("data.citygate.lib.finding_t"),
	ast.MustParseRef("data.citygate.lib.fail_with_severity"),
}

// checkTemplates finds, in the compiled rules, every call of a template
// helper whose template is a string literal, and requires that the rule's
// custom.messages define it (and, when args is an object literal, that the
// message's placeholders are among its keys). Templates computed at run
// time are checked by the engine when it renders them.
func checkTemplates(c *ast.Compiler, rules []finding.Rule) Errors {
	var errs Errors
	for i := range rules {
		r := &rules[i]
		m := c.Modules[r.File]
		if m == nil {
			continue
		}
		seen := map[string]bool{}
		check := func(op ast.Ref, args []*ast.Term, loc *ast.Location) {
			if !isTemplateHelper(op) || len(args) < 3 {
				return
			}
			lit, ok := args[2].Value.(ast.String)
			if !ok {
				return
			}
			tmpl := string(lit)
			if loc == nil {
				loc = args[2].Location
			}
			text, defined := r.Messages[tmpl]
			if !defined {
				key := "missing\x00" + tmpl
				if !seen[key] {
					seen[key] = true
					errs = append(errs, at(loc, fmt.Sprintf("add `%s: \"...\"` under custom.messages in the METADATA of %s", tmpl, r.Package),
						"rule %s (%s) uses message template %q, which its custom.messages does not define", r.ID, r.Package, tmpl))
				}
				return
			}
			if len(args) < 4 {
				return
			}
			obj, ok := args[3].Value.(ast.Object)
			if !ok {
				return
			}
			for _, name := range finding.Placeholders(text) {
				if obj.Get(ast.StringTerm(name)) == nil {
					key := "arg\x00" + tmpl + "\x00" + name
					if !seen[key] {
						seen[key] = true
						errs = append(errs, at(loc, fmt.Sprintf("pass %q in the args of %s, or remove {%s} from the message", name, tmpl, name),
							"rule %s (%s): message template %q has placeholder {%s}, which its args do not give", r.ID, r.Package, tmpl, name))
					}
				}
			}
		}
		for _, rule := range m.Rules {
			ast.WalkExprs(rule, func(e *ast.Expr) bool {
				if e.IsCall() {
					if ref, ok := e.Terms.([]*ast.Term)[0].Value.(ast.Ref); ok {
						check(ref, e.Operands(), e.Location)
					}
				}
				return false
			})
			ast.WalkTerms(rule, func(t *ast.Term) bool {
				if call, ok := t.Value.(ast.Call); ok && len(call) > 0 {
					if ref, ok := call[0].Value.(ast.Ref); ok {
						check(ref, call[1:], t.Location)
					}
				}
				return false
			})
		}
	}
	errs.sort()
	return errs
}

func isTemplateHelper(op ast.Ref) bool {
	for _, h := range templateHelpers {
		if op.Equal(h) {
			return true
		}
	}
	return false
}
