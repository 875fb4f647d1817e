// Package testrunner is citygate test: it plans which policy directories
// and fixture inventories a run covers, runs the Rego unit tests with
// OPA's tester and checks each fixture inventory against its
// "# expect:" markers, and reports the outcome as text, JSON or JUnit.
// The command in cmd/citygate only reads flags and maps the counts to an
// exit code.
package testrunner

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/internal/config"
)

// Settings are the flags of citygate test that the config file does not
// hold.
type Settings struct {
	// Builtin also tests the built-in library when directories are given.
	Builtin bool
	// Fixtures replace each policy directory's fixtures/.
	Fixtures []string
	// Run selects tests (package.name) and fixtures (path); nil: all.
	Run *regexp.Regexp
	// Coverage reports coverage; CoverageMin (a percentage) fails below.
	Coverage    bool
	CoverageMin float64
	// AsOf is the evaluation date of the fixture inventories.
	AsOf string
	// Print, when set, receives print() output: each unit test's under a
	// line naming it, then the fixture runs' as they happen.
	Print io.Writer
}

// plan is what a test run loads, which files it reports on, and where
// its fixtures are.
type plan struct {
	sources []policy.Source
	// tested holds the .rego files whose tests and coverage are reported:
	// every loaded file except the built-in helpers loaded only as support.
	tested   map[string]bool
	fixtures []fixtureDir
}

// fixtureDir is a directory of fixture inventories (or one inventory file).
type fixtureDir struct {
	path string
	// scope is the policy directory (as rule files name it) whose rules the
	// inventories are checked against; "" means every loaded rule.
	scope string
	// explicit dirs (--fixtures) run only inventories with markers.
	explicit bool
}

func newPlan(args []string, cfg config.Config, set Settings) (*plan, error) {
	plan := &plan{tested: map[string]bool{}}
	builtin := policy.BuiltinLib()
	if !cfg.NoBuiltin && (len(args) == 0 || set.Builtin) {
		builtin = policy.Builtin()
		if err := plan.test(builtin); err != nil {
			return nil, err
		}
	}
	plan.sources = append(plan.sources, builtin)

	var dirs []string
	seen := map[string]bool{}
	for _, d := range append(append([]string{}, args...), cfg.Policy...) {
		clean := filepath.Clean(d)
		if seen[clean] {
			continue
		}
		seen[clean] = true
		info, err := os.Stat(clean)
		if err != nil {
			return nil, fmt.Errorf("policy directory: %w", err)
		}
		src := policy.Dir(clean)
		switch {
		case policy.IsBundle(clean):
			// A pack bundle: its rules load, and its tests run when it was
			// built with --include-tests; it has no fixtures.
			if src, _, err = policy.LoadBundle(clean, policy.BundleOptions{Version: engine.Version}); err != nil {
				return nil, err
			}
		case !info.IsDir():
			return nil, fmt.Errorf("policy directory %s is a file: give the directory that holds the .rego files", d)
		}
		if err := plan.test(src); err != nil {
			return nil, err
		}
		plan.sources = append(plan.sources, src)
		dirs = append(dirs, clean)
	}

	if len(set.Fixtures) == 0 {
		for _, d := range dirs {
			fx := filepath.Join(d, "fixtures")
			if info, err := os.Stat(fx); err == nil && info.IsDir() {
				plan.fixtures = append(plan.fixtures, fixtureDir{path: fx, scope: filepath.ToSlash(d)})
			}
		}
		return plan, nil
	}
	for _, fx := range set.Fixtures {
		fx = filepath.Clean(fx)
		if _, err := os.Stat(fx); err != nil {
			return nil, fmt.Errorf("--fixtures: %w", err)
		}
		scope := ""
		for _, d := range dirs {
			if within(fx, d) && len(d) > len(scope) {
				scope = d
			}
		}
		plan.fixtures = append(plan.fixtures, fixtureDir{path: fx, scope: filepath.ToSlash(scope), explicit: true})
	}
	return plan, nil
}

// test marks every .rego file of a source as under test.
func (p *plan) test(src policy.Source) error {
	files, err := src.Files()
	if err != nil {
		return fmt.Errorf("policy directory %s: %w", src.Prefix, err)
	}
	for _, f := range files {
		p.tested[f] = true
	}
	return nil
}

// within reports whether path is dir or lies beneath it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
