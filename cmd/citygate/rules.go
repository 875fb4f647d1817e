package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/internal/rulesdoc"
)

func newRulesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the loaded rules (table, json, or markdown for docs/rules.md)",
		Args:  cobra.NoArgs,
		RunE:  runRules,
	}
	cmd.Flags().StringP("format", "f", "table", "table, json or markdown")
	addPolicyFlags(cmd)
	return cmd
}

func runRules(cmd *cobra.Command, _ []string) error {
	format, _ := cmd.Flags().GetString("format")
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	lib, err := loadPolicies(cmd, cfg)
	if err != nil {
		return err
	}
	w := cmd.OutOrStdout()
	switch format {
	case "table":
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tSEVERITY\tPRINCIPLE\tTITLE")
		for _, r := range lib.Rules() {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Principle, r.Title)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "%d rules\n", len(lib.Rules()))
		return err
	case "json":
		rules := lib.Rules()
		if rules == nil {
			rules = []finding.Rule{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rules)
	case "markdown":
		_, err := w.Write([]byte(rulesdoc.Markdown(lib.Rules(), lib.Params())))
		return err
	}
	return fmt.Errorf("unknown format %q for rules: want %s", format, strings.Join([]string{"table", "json", "markdown"}, ", "))
}
