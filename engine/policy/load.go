package policy

import (
	"fmt"
	"runtime"
	"sort"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/pack"
	"github.com/citygate/citygate/internal/didyoumean"
	"github.com/citygate/citygate/internal/workpool"
)

// Options select and tune what Load compiles.
type Options struct {
	// NoBuiltinRules drops the built-in rules; citygate.lib and the default
	// params stay, since user rules build on them.
	NoBuiltinRules bool
	// Rules, when not empty, keeps only these rule ids; SkipRules drops ids.
	Rules     []string
	SkipRules []string
	// Params override the defaults of policies/params.json; their
	// "custom" key holds the packs' own params, by pack name.
	Params map[string]any
	// Print keeps print() calls in the compiled rules (check --debug, eval,
	// fixture runs); without it the compiler erases them, so they cost
	// nothing.
	Print bool
	// CitygateVersion, when set, refuses packs whose min_citygate is
	// newer.
	CitygateVersion string
}

// Library is a compiled, validated policy set. It is immutable once
// loaded and safe to share across goroutines.
type Library struct {
	Compiler *ast.Compiler
	// rules in id order (Rules returns copies); byPackage maps a package
	// name to its rule.
	rules     []finding.Rule
	byPackage map[string]*finding.Rule
	// params are the effective thresholds, defaults merged with overrides.
	params map[string]any
	// known holds every rule id parsed, selected or not; selected those
	// compiled into this library.
	known    map[string]string
	selected map[string]bool
	// modules and tests are the parsed sources, kept for the test runner.
	modules map[string]*ast.Module
	tests   map[string]*ast.Module
	// builtinTests are the embedded *_test.rego files, parsed into tests
	// only when tests run (parseBuiltinTests): they are as large as the
	// rules, and every check would otherwise pay for parsing them. None
	// are kept when the built-in rules are left out (they test those
	// rules). builtinTest names them once parsed: built-in tests run with
	// the built-in params, whatever the configuration overrides.
	builtinTests     []regoFile
	builtinTest      map[string]bool
	builtinTestsOnce sync.Once
	builtinTestsErrs Errors
	// packs are the named policy packs, by name; inventorySchema and
	// schemaSet the inventory schema with their extensions, which types
	// input in every compile.
	packs           []*pack.Pack
	inventorySchema []byte
	schemaSet       *ast.SchemaSet
	// digest identifies the library (Digest).
	digest [32]byte
}

// parseBuiltinTests adds the embedded test modules to tests, once; Test
// and LocateFailures call it before reading tests.
func (l *Library) parseBuiltinTests() Errors {
	l.builtinTestsOnce.Do(func() {
		parsed, errs := parseFiles(l.builtinTests)
		l.builtinTest = map[string]bool{}
		for _, p := range parsed {
			l.tests[p.file.name] = p.module
			l.builtinTest[p.file.name] = true
		}
		errs.sort()
		l.builtinTestsErrs = errs
	})
	return l.builtinTestsErrs
}

// Known reports whether any loaded policy defines the rule id, even one
// left out by --rule or --skip-rule.
func (l *Library) Known(id string) bool {
	_, ok := l.known[id]
	return ok
}

// Selected reports whether the rule id is compiled into this library.
func (l *Library) Selected(id string) bool { return l.selected[id] }

// RuleForPackage returns the rule a package name belongs to.
func (l *Library) RuleForPackage(pkg string) (*finding.Rule, bool) {
	r, ok := l.byPackage[pkg]
	return r, ok
}

// Load parses every source, checks the rule contract, selects rules and
// compiles the production modules (never the tests). All problems found
// are returned together, sorted by file and line.
func Load(sources []Source, opts Options) (*Library, Errors) {
	parsed, builtinTests, errs := parseAll(sources)
	if opts.NoBuiltinRules {
		builtinTests = nil
	}
	packs, packErrs := loadPacks(sources, opts.CitygateVersion)
	errs = append(errs, packErrs...)
	overrides, custom, cerrs := splitCustom(opts.Params)
	errs = append(errs, cerrs...)
	params, perrs := loadParams(overrides)
	errs = append(errs, perrs...)
	customValues, cperrs := customParams(packs, custom)
	errs = append(errs, cperrs...)
	if params != nil && len(packs) > 0 {
		params[customKey] = customValues
	}
	invSchema, schemaSet, serrs := packSchema(packs)
	errs = append(errs, serrs...)

	lib := &Library{byPackage: map[string]*finding.Rule{}, params: params, modules: map[string]*ast.Module{}, tests: map[string]*ast.Module{}, builtinTests: builtinTests,
		packs: packs, inventorySchema: invSchema, schemaSet: schemaSet}
	seen, builtinID := map[string]string{}, map[string]bool{}
	for _, p := range parsed {
		if p.file.test {
			lib.tests[p.file.name] = p.module
			continue
		}
		if !isRulePackage(p.module) {
			lib.modules[p.file.name] = p.module
			continue
		}
		rule, rerrs := readRule(p.file.name, p.module, p.file.builtin)
		rule.Applies = definesRule(p.module, "applies")
		rerrs = append(rerrs, checkApplies(p.module, rule.ID)...)
		if e := fillRemediation(&rule, params, p.module); e != nil && len(rerrs) == 0 {
			rerrs = append(rerrs, e)
		}
		errs = append(errs, rerrs...)
		if len(rerrs) > 0 {
			continue
		}
		if first, dup := seen[rule.ID]; dup {
			errs = append(errs, duplicateID(p.module.Package.Location, rule.ID, first, p.file.name, builtinID[rule.ID]))
			continue
		}
		seen[rule.ID] = p.file.name
		builtinID[rule.ID] = p.file.builtin
		if !selected(rule, opts) {
			continue
		}
		lib.modules[p.file.name] = p.module
		lib.rules = append(lib.rules, rule)
	}
	errs = append(errs, unknownSelections(seen, opts)...)
	if len(errs) > 0 {
		errs.sort()
		return nil, errs
	}
	sort.Slice(lib.rules, func(i, j int) bool { return lib.rules[i].ID < lib.rules[j].ID })
	lib.known, lib.selected = seen, map[string]bool{}
	for i := range lib.rules {
		lib.byPackage[lib.rules[i].Package] = &lib.rules[i]
		lib.selected[lib.rules[i].ID] = true
	}

	c, cerrs := compile(lib.modules, lib.schemaSet, opts.Print)
	if len(cerrs) > 0 {
		return nil, cerrs
	}
	if herrs := checkHelperUse(c, lib.rules); len(herrs) > 0 {
		return nil, herrs
	}
	if terrs := checkTemplates(c, lib.rules); len(terrs) > 0 {
		return nil, terrs
	}
	lib.Compiler = c
	ids := make([]string, len(lib.rules))
	for i, r := range lib.rules {
		ids[i] = r.ID
	}
	lib.digest = digestOf(parsed, lib.params, ids)
	return lib, nil
}

// duplicateID is the error for a rule id two files define. A user rule
// that takes a built-in rule's id is refused even when the built-in rules
// are left out (citygate test DIR, --no-builtin): the same policy
// directory must load the same way in every command.
func duplicateID(loc *ast.Location, id, first, second string, firstBuiltin bool) *Error {
	if firstBuiltin {
		return at(loc, "give the rule its own custom.id, e.g. with the city's prefix (CITY-LIS-001); built-in ids stay reserved even with --no-builtin",
			"rule id %s of %s is already the id of the built-in rule %s", id, second, first)
	}
	return at(loc, "give each rule its own custom.id", "rule id %s is used by both %s and %s", id, first, second)
}

type parsedModule struct {
	file   regoFile
	module *ast.Module
}

// parseAll parses every file of the sources except the built-in test
// modules, which it returns unparsed (see Library.parseBuiltinTests).
func parseAll(sources []Source) ([]parsedModule, []regoFile, Errors) {
	var files, builtinTests []regoFile
	var errs Errors
	for _, s := range sources {
		sf, err := s.files()
		if err != nil {
			errs = append(errs, &Error{File: s.Prefix, Message: fmt.Sprintf("cannot read policy directory: %v", err)})
			continue
		}
		for _, f := range sf {
			if f.test && f.builtin {
				builtinTests = append(builtinTests, f)
			} else {
				files = append(files, f)
			}
		}
	}
	out, perrs := parseFiles(files)
	return out, builtinTests, append(errs, perrs...)
}

// parseFiles parses files in order. Parsing is half of start-up and the
// files are independent, so they are parsed on every core.
func parseFiles(files []regoFile) ([]parsedModule, Errors) {
	modules := make([]*ast.Module, len(files))
	perr := make([]error, len(files))
	workpool.ForEach(len(files), runtime.GOMAXPROCS(0), func(i int) {
		modules[i], perr[i] = ast.ParseModuleWithOpts(files[i].name, string(files[i].content), ast.ParserOptions{
			RegoVersion:       ast.RegoV1,
			ProcessAnnotation: true,
		})
	})
	var out []parsedModule
	var errs Errors
	for i, f := range files {
		if err := perr[i]; err != nil {
			if aerrs, ok := err.(ast.Errors); ok {
				ferrs := fromAST(aerrs)
				addSnippets(ferrs, f.name, f.content)
				errs = append(errs, ferrs...)
			} else {
				errs = append(errs, &Error{File: f.name, Message: err.Error()})
			}
			continue
		}
		out = append(out, parsedModule{file: f, module: modules[i]})
	}
	return out, errs
}

// selected applies --no-builtin, --rule and --skip-rule.
func selected(r finding.Rule, opts Options) bool {
	if opts.NoBuiltinRules && r.Builtin {
		return false
	}
	for _, id := range opts.SkipRules {
		if id == r.ID {
			return false
		}
	}
	if len(opts.Rules) == 0 {
		return true
	}
	for _, id := range opts.Rules {
		if id == r.ID {
			return true
		}
	}
	return false
}

// unknownSelections reports --rule and --skip-rule ids no policy defines,
// since a typo there would silently turn a gate off.
func unknownSelections(known map[string]string, opts Options) Errors {
	var errs Errors
	for _, list := range [][]string{opts.Rules, opts.SkipRules} {
		for _, id := range list {
			if _, ok := known[id]; !ok {
				ids := make([]string, 0, len(known))
				for k := range known {
					ids = append(ids, k)
				}
				hint := "run `citygate rules` to list rule ids"
				if best := didyoumean.Closest(id, ids); best != "" {
					hint = fmt.Sprintf("did you mean %s?", best)
				}
				errs = append(errs, &Error{Message: fmt.Sprintf("no loaded rule has id %q", id), Hint: hint})
			}
		}
	}
	return errs
}
