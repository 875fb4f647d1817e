package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/internal/rulesdoc"
)

func newRulesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the loaded rules and the engine's own (table, json, or markdown for docs/rules.md)",
		Long: `rules lists the policy rules loaded (built-in and --policy), then the engine
rules: those citygate decides itself while reading the inputs, what a bid may
not hold (BID-*) and what waivers report (WAIVER-*). Engine rules are marked
"(engine)" in the table and "engine": true in JSON; --no-builtin leaves them out.`,
		Example: `  citygate rules
  citygate rules --profile eu      # the rules of the eu profile
  citygate rules --profile core    # the rules that apply everywhere
  citygate rules -f json           # principle, area, policy, profiles, sources, messages`,
		Args: cobra.NoArgs,
		RunE: runRules,
	}
	cmd.Flags().StringP("format", "f", "table", "table, json or markdown")
	cmd.Flags().String("profile", "", "list only the rules of this profile ("+strings.Join(policy.Profiles, ", ")+"), or core for those of no profile")
	addPolicyFlags(cmd)
	return cmd
}

func runRules(cmd *cobra.Command, _ []string) error {
	format, _ := cmd.Flags().GetString("format")
	profile, _ := cmd.Flags().GetString("profile")
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	lib, err := loadPolicies(cmd, cfg)
	if err != nil {
		return err
	}
	rules, err := rulesOfProfile(lib.Rules(), profile)
	if err != nil {
		return err
	}
	var engine []finding.Rule
	if !cfg.NoBuiltin {
		if engine, err = rulesOfProfile(engineRules(), profile); err != nil {
			return err
		}
	}
	w := cmd.OutOrStdout()
	switch format {
	case "table":
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSEVERITY\tPRINCIPLE\tAREA\tPROFILES\tTITLE")
		row := func(r finding.Rule, suffix string) {
			profiles := "core"
			if len(r.Profiles) > 0 {
				profiles = strings.Join(r.Profiles, ",")
			}
			area := r.Area
			if area == "" {
				area = "-"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s%s\n", r.ID, r.Severity, r.Principle, area, profiles, r.Title, suffix)
		}
		for _, r := range rules {
			row(r, "")
		}
		for _, r := range engine {
			row(r, " (engine)")
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		if len(engine) == 0 {
			_, err = fmt.Fprintf(w, "%d rules\n", len(rules))
		} else {
			_, err = fmt.Fprintf(w, "%d rules: %d of policies, %d of the engine\n", len(rules)+len(engine), len(rules), len(engine))
		}
		return err
	case "json":
		out := make([]listedRule, 0, len(rules)+len(engine))
		for _, r := range rules {
			if r.Messages == nil {
				r.Messages = map[string]string{}
			}
			out = append(out, listedRule{Rule: r})
		}
		for _, r := range engine {
			out = append(out, listedRule{Rule: r, Engine: true})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case "markdown":
		_, err := w.Write([]byte(rulesdoc.Markdown(rules, engine, lib.Params())))
		return err
	}
	return fmt.Errorf("unknown format %q for rules: want %s", format, strings.Join([]string{"table", "json", "markdown"}, ", "))
}

// rulesOfProfile keeps the rules of one profile ("core": no profile); an
// empty name keeps all.
func rulesOfProfile(rules []finding.Rule, profile string) ([]finding.Rule, error) {
	profile = strings.ToLower(strings.TrimSpace(profile))
	if profile == "" {
		return rules, nil
	}
	if profile != "core" && !slices.Contains(policy.Profiles, profile) {
		return nil, fmt.Errorf("unknown profile %q: want core or one of %s", profile, strings.Join(policy.Profiles, ", "))
	}
	out := []finding.Rule{}
	for _, r := range rules {
		if (profile == "core" && len(r.Profiles) == 0) || slices.Contains(r.Profiles, profile) {
			out = append(out, r)
		}
	}
	return out, nil
}
