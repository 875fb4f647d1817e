package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/inventory"
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
		// A pack's min_citygate is checked against this build.
		CitygateVersion: engine.Version,
	})
	errs = append(errs, lerrs...)
	if len(errs) > 0 {
		return nil, printPolicyErrors(cmd, errs, "; nothing was evaluated")
	}
	return lib, nil
}

// printPolicyErrors prints every policy problem with its file and line,
// then how many there were, and returns exit 2.
func printPolicyErrors(cmd *cobra.Command, errs policy.Errors, consequence string) error {
	w := cmd.ErrOrStderr()
	for _, e := range errs {
		fmt.Fprintf(w, "Error: %s\n", e.Error())
	}
	fmt.Fprintf(w, "\n%d policy error(s)%s.\n", len(errs), consequence)
	return exitCode(exitError)
}

// packInventorySchema is the inventory language with the extension blocks
// of the --policy packs, for commands that load inventories without
// compiling rules (validate); nil without packs that declare any.
func packInventorySchema(cmd *cobra.Command, cfg config.Config) (*inventory.Schema, error) {
	if len(cfg.Policy) == 0 {
		return nil, nil
	}
	raw, err := packSchemaJSON(cmd, cfg.Policy)
	if err != nil {
		return nil, err
	}
	s, err := inventory.ExtendedSchema(raw)
	if err != nil || s == inventory.InventorySchema {
		return nil, err
	}
	return s, nil
}

// packSchemaJSON is the inventory schema with the extension blocks of the
// packs in dirs; a pack problem is printed and stops the run with exit 2.
func packSchemaJSON(cmd *cobra.Command, dirs []string) ([]byte, error) {
	var sources []policy.Source
	var errs policy.Errors
	for _, p := range dirs {
		// Directories, single .rego files and bundles, as check takes them.
		src, err := policySource(cmd, p)
		if err != nil {
			errs = append(errs, &policy.Error{Message: err.Error()})
			continue
		}
		sources = append(sources, src)
	}
	raw, perrs := policy.PackInventorySchema(sources, engine.Version)
	if errs = append(errs, perrs...); len(errs) > 0 {
		return nil, printPolicyErrors(cmd, errs, "")
	}
	return raw, nil
}
