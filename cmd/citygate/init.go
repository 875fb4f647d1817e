package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/report"
	"github.com/citygate/citygate/engine/tender"
)

func newInitCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Write skeleton inventories that list every field the rules read",
	}
	bid := &cobra.Command{
		Use:   "bid --tender TENDER --lot LOT",
		Short: "Write a bid skeleton for one lot of a tender",
		Long: `init bid writes a bid with one system for LOT: vendor and lot set, and every
field that the rules applying to the lot's category and criticality read and
that a vendor states, each commented with its description,
allowed values, owner and the rules that read it, its value null. An unfilled
skeleton is valid input and every field is reported not stated.`,
		Example: "  citygate init bid --tender fixtures/tender/tender.hcl --lot cctv > bid.hcl",
		Args:    cobra.NoArgs,
		RunE:    runInitBid,
	}
	bid.Flags().String("tender", "", "the tender file (required)")
	bid.Flags().String("lot", "", "the lot to bid for (required)")
	_ = bid.MarkFlagRequired("tender")
	_ = bid.MarkFlagRequired("lot")
	city := &cobra.Command{
		Use:     "city",
		Short:   "Write a city skeleton: every field the city, zone and public-works rules read",
		Example: "  citygate init city > city/city.hcl",
		Args:    cobra.NoArgs,
		RunE:    runInitCity,
	}
	for _, c := range []*cobra.Command{bid, city} {
		addPolicyFlags(c)
		c.Flags().StringP("output", "o", "", "write the skeleton to FILE (atomically) instead of stdout")
	}
	cmd.AddCommand(bid, city)
	return cmd
}

func runInitBid(cmd *cobra.Command, _ []string) error {
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	tenderPath, _ := cmd.Flags().GetString("tender")
	lot, _ := cmd.Flags().GetString("lot")
	t, diags := tender.Load(inventory.OS{}, tenderPath, cfg.Limits)
	if diags.HasErrors() {
		var out bytes.Buffer
		newDiagPrinter(&out, sourceFiles(t.Files())).writeAll(diags)
		io.WriteString(cmd.ErrOrStderr(), report.SafeText(out.String()))
		return exitCode(exitError)
	}
	lib, err := loadPolicies(cmd, cfg)
	if err != nil {
		return err
	}
	rules, err := tender.RulesForLot(cmd.Context(), lib, t, lot)
	if err != nil {
		return err
	}
	text, err := tender.BidSkeleton(t, lot, rules)
	if err != nil {
		return err
	}
	return writeSkeleton(cmd, text)
}

func runInitCity(cmd *cobra.Command, _ []string) error {
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	lib, err := loadPolicies(cmd, cfg)
	if err != nil {
		return err
	}
	return writeSkeleton(cmd, tender.CitySkeleton(lib.Rules()))
}

func writeSkeleton(cmd *cobra.Command, text string) error {
	file, _ := cmd.Flags().GetString("output")
	if file == "" {
		_, err := io.WriteString(cmd.OutOrStdout(), text)
		return err
	}
	// A skeleton usually starts a new bid folder: make it.
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return fmt.Errorf("writing %s: %w", file, err)
	}
	if err := report.WriteFileAtomic(file, []byte(text), report.ReportPerm); err != nil {
		return fmt.Errorf("writing %s: %w", file, err)
	}
	return nil
}
