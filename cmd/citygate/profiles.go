package main

import (
	"fmt"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine/report"
)

// addProfileFlags adds the flags that choose jurisdiction profiles and how
// reports group rules.
func addProfileFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringSlice("profile", nil, "also apply the rules of these jurisdiction profiles (eu, uk, us) to every inventory")
	f.StringSlice("no-profile", nil, "never apply the rules of these jurisdiction profiles, whatever the city's jurisdictions")
	f.String("group-by", report.GroupByPrinciple, "group text and markdown reports by: "+strings.Join(report.GroupBys, ", "))
}

// checkGroupBy refuses a grouping the reports do not know; empty is the
// default.
func checkGroupBy(g string) error {
	if g == "" || slices.Contains(report.GroupBys, g) {
		return nil
	}
	return fmt.Errorf("invalid --group-by %q: want one of %s", g, strings.Join(report.GroupBys, ", "))
}
