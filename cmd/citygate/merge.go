package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"

	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/report"
)

func newMergeCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "merge RESULT.json... [-f FORMAT[=FILE]]...",
		Short: "Join the JSON results of shards into the reports one run would have written",
		Long: `merge reads the JSON results of citygate check --shard K/N runs and writes
any report format, byte for byte what one check over all their inventories
writes. Run it in a checkout of the same commit (source snippets and SARIF
columns are read from the inventories' files), with the shards' --policy and
--rule selection; --fail-on applies the gate here, so shards can run with
--fail-on none. The inventories are those the shards checked, in path order.

Exit codes as for check: 0, 1 (findings at or above --fail-on), 2 (errors in a
shard, or results that cannot be merged).`,
		Example: `  citygate merge shard-*.json -f sarif=citygate.sarif -f github --fail-on high`,
		Args:    cobra.MinimumNArgs(1),
		RunE:    runMerge,
	}
	f := cmd.Flags()
	addOutputFlags(cmd)
	addPolicyFlags(cmd)
	f.StringArray("each", nil, "the portfolio the shards split (--each DIR): a merge missing any of its inventories fails")
	f.String("fail-on", "low", "fail (exit 1) on unsuppressed findings at or above: critical, high, medium, low, none")
	f.Bool("show-suppressed", false, "list waived and baselined findings in text output")
	f.Bool("compact", false, "text format: one line per finding, without snippets")
	f.Bool("sarif-omit-suppressed", false, "leave suppressed findings out of SARIF")
	f.Int("sarif-max-results", 25000, "most SARIF results to write; the most severe are kept")
	f.Int("github-max-annotations", report.DefaultGitHubAnnotations, "most workflow annotations -f github prints, most severe first (0: no cap)")
	return cmd
}

func runMerge(cmd *cobra.Command, args []string) error {
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	outs, err := outputs(cmd, cfg)
	if err != nil {
		return err
	}
	parts, paths, err := readShards(args)
	if err != nil {
		return err
	}
	each, _ := cmd.Flags().GetStringArray("each")
	var portfolio []string
	for _, dir := range each {
		sub, err := eachInventory(dir)
		if err != nil {
			return err
		}
		portfolio = append(portfolio, sub...)
	}
	sort.Strings(portfolio)
	switch {
	case len(paths) == 0 && len(portfolio) == 0:
		return fmt.Errorf("the results name no inventory; give the portfolio the shards split with --each DIR")
	case len(paths) == 0:
		paths = portfolio
	case len(portfolio) > 0 && !slices.Equal(paths, portfolio):
		return fmt.Errorf("the results cover %d of the %d inventories --each lists: a shard's result is missing, or the shards split another portfolio", len(paths), len(portfolio))
	}
	failOn, err := finding.ParseThreshold(cfg.FailOn)
	if err != nil {
		return err
	}
	lib, err := loadPolicies(cmd, cfg)
	if err != nil {
		return err
	}
	overrides, err := ruleOverrides(cfg, lib)
	if err != nil {
		return err
	}
	eng, err := engine.New(cmd.Context(), lib, engine.WithFailOn(failOn), engine.WithAsOf(parts[0].AsOf), engine.WithLimits(cfg.Limits),
		engine.WithRuleOverrides(overrides))
	if err != nil {
		return err
	}
	res, err := eng.Merge(paths, parts)
	if err != nil {
		return err
	}
	if err := writeOutputs(cmd.Context(), cmd, outs, res, reportLang(cfg.Lang, ""), reportOptions(cmd, cfg)); err != nil {
		if ierr := interrupted(cmd.Context()); ierr != nil {
			return ierr
		}
		return err
	}
	if code := res.ExitCode(); code != exitOK {
		return exitCode(code)
	}
	return nil
}

// shardDocument is what merge reads of a JSON result.
type shardDocument struct {
	finding.Result
}

// readShards decodes the results and lists their inventories in path
// order (none when the results do not list them). Two results naming one
// inventory are refused: the shards overlapped.
func readShards(files []string) ([]*finding.Result, []string, error) {
	var parts []*finding.Result
	var paths []string
	from := map[string]string{}
	// Fingerprints are scoped by inventory, so one in two results means
	// both checked that inventory.
	seen := map[string]int{}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, nil, err
		}
		var doc shardDocument
		if err := json.Unmarshal(b, &doc); err != nil {
			return nil, nil, fmt.Errorf("%s is not a citygate JSON result: %w", file, err)
		}
		if doc.SchemaVersion != finding.SchemaVersion || doc.Tool.Name != "citygate" {
			return nil, nil, fmt.Errorf("%s: schema_version %q from %q; merge reads citygate JSON results of schema_version %q (citygate check -f json)", file, doc.SchemaVersion, doc.Tool.Name, finding.SchemaVersion)
		}
		if doc.Tool.Version != engine.Version {
			return nil, nil, fmt.Errorf("%s was written by citygate %s; this is %s: run the shards and the merge with one version", file, doc.Tool.Version, engine.Version)
		}
		for _, inv := range doc.Result.Inventories {
			if prev, ok := from[filepath.Clean(inv.Path)]; ok {
				return nil, nil, fmt.Errorf("inventory %s is in both %s and %s: the shards overlap", inv.Path, prev, file)
			}
			from[filepath.Clean(inv.Path)] = file
			paths = append(paths, inv.Path)
		}
		for _, f := range doc.Findings {
			if prev, ok := seen[f.Fingerprint]; ok && prev != len(parts) {
				return nil, nil, fmt.Errorf("%s and %s both hold the finding %s on %s: the shards overlap", files[prev], file, f.RuleID, f.Location.File)
			}
			seen[f.Fingerprint] = len(parts)
		}
		res := doc.Result
		parts = append(parts, &res)
	}
	if len(parts) > 1 {
		for _, p := range parts[1:] {
			if p.AsOf != parts[0].AsOf {
				return nil, nil, fmt.Errorf("the results were evaluated as of %s and %s: run every shard with the same --as-of", parts[0].AsOf, p.AsOf)
			}
		}
	}
	sort.Strings(paths)
	return parts, paths, nil
}
