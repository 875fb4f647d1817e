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
// print() is kept only for tests, where its output helps authors debug.
func newCompiler(print bool) *ast.Compiler {
	return ast.NewCompiler().
		WithDefaultRegoVersion(ast.RegoV1).
		WithCapabilities(Capabilities()).
		WithSchemas(inventorySchema()).
		WithUseTypeCheckAnnotations(true).
		WithStrict(true).
		WithEnablePrintStatements(print)
}

func compile(modules map[string]*ast.Module) (*ast.Compiler, Errors) {
	c := newCompiler(false)
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
				errs = append(errs, at(rule.Location, "build the result with data.citygate.lib.finding(resource, field, message)",
					"%s rule of %s (%s) does not use the result helper", name, r.ID, r.Package))
			}
		}
		if denies == 0 {
			errs = append(errs, at(m.Package.Location, fmt.Sprintf("add `%s contains lib.finding(...) if { ... }`", name),
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
