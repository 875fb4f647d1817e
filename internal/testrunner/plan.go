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
	// noBuiltinRules leaves the built-in rules (and their tests) out; the
	// built-in library is still loaded for citygate.lib, and so that a
	// user rule taking a built-in id is refused as check refuses it.
	noBuiltinRules bool
	// tested holds the .rego files whose tests and coverage are reported:
	// every loaded file except the built-in helpers loaded only as support.
	tested   map[string]bool
	fixtures []fixtureDir
}

// fixtureDir is a directory of fixture inventories (or one inventory file).
type fixtureDir struct {
	path string
	// scope holds the files (as rules name them) of the policy source
	// whose rules the inventories are checked against; nil means every
	// loaded rule. It is the source's own file list, so neither the
	// working directory nor a folder named like the built-in library
	// changes which rules a fixture is checked against.
	scope map[string]bool
	// explicit dirs (--fixtures) run only inventories with markers.
	explicit bool
}

// userSource is a policy directory or file of the run, with its absolute
// path (to tell whether a --fixtures dir lies in it) and its files.
type userSource struct {
	path, abs string
	dir       bool
	files     map[string]bool
}

func newPlan(args []string, cfg config.Config, set Settings) (*plan, error) {
	plan := &plan{tested: map[string]bool{}, sources: []policy.Source{policy.Builtin()}}
	if cfg.NoBuiltin || (len(args) > 0 && !set.Builtin) {
		plan.noBuiltinRules = true
	} else if _, err := plan.test(policy.Builtin()); err != nil {
		return nil, err
	}

	var users []userSource
	seen := map[string]bool{}
	for _, d := range append(append([]string{}, args...), cfg.Policy...) {
		abs, err := filepath.Abs(d)
		if err != nil {
			return nil, err
		}
		if seen[abs] {
			continue
		}
		seen[abs] = true
		var src policy.Source
		if policy.IsBundle(d) {
			// A pack bundle: its rules load, and its tests run when it was
			// built with --include-tests; it has no fixtures.
			src, _, err = policy.LoadBundle(d, policy.BundleOptions{Version: engine.Version})
		} else {
			src, err = policy.Path(d)
		}
		if err != nil {
			return nil, err
		}
		files, err := plan.test(src)
		if err != nil {
			return nil, err
		}
		info, err := os.Stat(d)
		if err != nil {
			return nil, err
		}
		plan.sources = append(plan.sources, src)
		users = append(users, userSource{path: filepath.Clean(d), abs: abs, dir: info.IsDir(), files: files})
	}

	if len(set.Fixtures) == 0 {
		for _, u := range users {
			if !u.dir {
				continue
			}
			fx := filepath.Join(u.path, "fixtures")
			if info, err := os.Stat(fx); err == nil && info.IsDir() {
				plan.fixtures = append(plan.fixtures, fixtureDir{path: fx, scope: u.files})
			}
		}
		return plan, nil
	}
	for _, fx := range set.Fixtures {
		fx = filepath.Clean(fx)
		if _, err := os.Stat(fx); err != nil {
			return nil, fmt.Errorf("--fixtures: %w", err)
		}
		abs, err := filepath.Abs(fx)
		if err != nil {
			return nil, err
		}
		var scope *userSource
		for i, u := range users {
			if u.dir && within(abs, u.abs) && (scope == nil || len(u.abs) > len(scope.abs)) {
				scope = &users[i]
			}
		}
		d := fixtureDir{path: fx, explicit: true}
		if scope != nil {
			d.scope = scope.files
		}
		plan.fixtures = append(plan.fixtures, d)
	}
	return plan, nil
}

// test marks every .rego file of a source as under test, and returns them.
func (p *plan) test(src policy.Source) (map[string]bool, error) {
	files, err := src.Files()
	if err != nil {
		return nil, fmt.Errorf("policy directory %s: %w", src.Prefix, err)
	}
	out := make(map[string]bool, len(files))
	for _, f := range files {
		p.tested[f] = true
		out[f] = true
	}
	return out, nil
}

// within reports whether path is dir or lies beneath it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
