package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/internal/config"
)

func addPolicyFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringArray("policy", nil, "a directory of user Rego rules, one .rego file, or a pack bundle (.tar.gz) built with bundle build (repeatable)")
	f.Bool("no-builtin", false, "do not load the built-in rules (the citygate.lib helpers stay)")
	f.StringSlice("rule", nil, "evaluate only these rule ids (repeatable, comma-separated)")
	f.StringSlice("skip-rule", nil, "do not evaluate these rule ids")
	addBundleFlags(cmd)
}

// loadPolicies loads and compiles the built-in and user policies; every
// problem is printed with its file and line, and the run stops with exit 2.
// With --debug, print() calls are kept (check --debug sends them to stderr).
func loadPolicies(cmd *cobra.Command, cfg config.Config) (*policy.Library, error) {
	return loadPoliciesPrint(cmd, cfg, debugFlag(cmd))
}

// loadPoliciesPrint is loadPolicies, keeping print() calls when print is set.
func loadPoliciesPrint(cmd *cobra.Command, cfg config.Config, print bool) (*policy.Library, error) {
	sources := []policy.Source{policy.Builtin()}
	var errs policy.Errors
	for _, p := range cfg.Policy {
		src, err := policySource(cmd, p)
		if err != nil {
			errs = append(errs, &policy.Error{Message: err.Error()})
			continue
		}
		sources = append(sources, src)
	}
	lib, lerrs := policy.Load(sources, policy.Options{
		NoBuiltinRules: cfg.NoBuiltin,
		Rules:          cfg.Rule,
		SkipRules:      cfg.SkipRule,
		Params:         cfg.Params,
		Print:          print,
	})
	errs = append(errs, lerrs...)
	if len(errs) > 0 {
		w := cmd.ErrOrStderr()
		for _, e := range errs {
			fmt.Fprintf(w, "Error: %s\n", e.Error())
		}
		fmt.Fprintf(w, "\n%d policy error(s); nothing was evaluated.\n", len(errs))
		return nil, exitCode(exitError)
	}
	return lib, nil
}
