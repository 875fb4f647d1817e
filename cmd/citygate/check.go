package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/cache"
	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/report"
	"github.com/citygate/citygate/internal/config"
)

func newCheckCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Evaluate inventories against the policies and report located findings",
		Long: `check evaluates each PATH (a file, or a directory with every *.hcl and
*.hcl.json file beneath it) as one inventory, in parallel, and reports findings.
Without PATH, the inventories are those the config file's inventories: globs
match, or else the current directory.

Exit codes: 0 no unsuppressed finding at or above --fail-on; 1 findings at or
above it; 2 the run could not be completed (bad input, policy error, no rules,
an empty inventory, two inventories with one city id), in which case every
inventory that could be evaluated is still reported; 130 interrupted (SIGINT),
143 terminated (SIGTERM).`,
		Example: `  citygate check fixtures/city fixtures/bid
  citygate check inventory/ -f sarif -o citygate.sarif -f markdown -o report.md --fail-on high
  citygate check --each cities/ -f json=citygate.json -f text
  citygate check --each cities/ --shard 2/4 -f json -o shard-2.json
  citygate check cities/* --policy my-policies/ --as-of 2026-06-30`,
		RunE: runCheck,
	}
	f := cmd.Flags()
	addOutputFlags(cmd)
	addLangFlag(cmd)
	addPolicyFlags(cmd)
	addPortfolioFlags(cmd)
	f.String("fail-on", "low", "fail (exit 1) on unsuppressed findings at or above: critical, high, medium, low, none")
	f.String("as-of", "", "evaluation date YYYY-MM-DD that rules compare dates against (default today)")
	f.Duration("timeout", engine.DefaultTimeout, "deadline for evaluating one inventory")
	f.String("evaluator", string(engine.Topdown), "how Rego is evaluated: topdown (OPA's interpreter) or wasm (compiled once to WebAssembly; see docs/performance.md)")
	f.Int("parallel", 0, "inventories evaluated at once (default: number of CPUs)")
	f.String("baseline", "", "a previous JSON result: findings it holds are suppressed")
	f.Bool("show-suppressed", false, "list waived and baselined findings in text output")
	f.Bool("compact", false, "text format: one line per finding, without snippets")
	f.Bool("sarif-omit-suppressed", false, "leave suppressed findings out of SARIF (GitHub code scanning ignores SARIF suppressions)")
	f.Int("sarif-max-results", 25000, "most SARIF results to write; the most severe are kept")
	f.String("tender", "", "judge PATH as a bid for this tender, exactly as citygate tender check does (formats text, json, markdown, csv, or the bid as sarif, junit, github)")
	f.Int("github-max-annotations", report.DefaultGitHubAnnotations, "most workflow annotations -f github prints, most severe first (0: no cap)")
	addProfileFlags(cmd)
	addCacheFlags(cmd)
	return cmd
}

func runCheck(cmd *cobra.Command, args []string) error {
	if t, _ := cmd.Flags().GetString("tender"); t != "" {
		return checkAsBid(cmd, t, args)
	}
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	outs, err := outputs(cmd, cfg)
	if err != nil {
		return err
	}
	if err := checkLang(reportLang(cfg.Lang, "")); err != nil {
		return err
	}
	if err := checkGroupBy(cfg.GroupBy); err != nil {
		return err
	}
	paths, err := selectInventories(cmd, cfg, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return nil // selectInventories said why
	}
	res, err := evaluateStream(cmd, cfg, paths)
	if res != nil {
		defer res.Close()
	}
	if ierr := interrupted(cmd.Context()); ierr != nil {
		return ierr // a signal: the engine's cancellation error says less
	}
	if err != nil {
		return err
	}
	if err := writeStreamOutputs(cmd.Context(), cmd, outs, res, reportLang(cfg.Lang, ""), reportOptions(cmd, cfg)); err != nil {
		if ierr := interrupted(cmd.Context()); ierr != nil {
			return ierr
		}
		return err
	}
	if code := res.Head().ExitCode(); code != exitOK {
		return exitCode(code)
	}
	return nil
}

// reportOptions are the reporters' settings from the config.
func reportOptions(cmd *cobra.Command, cfg config.Config) report.Options {
	return report.Options{
		Color:                colorFor(cmd.OutOrStdout()),
		ShowSuppressed:       cfg.ShowSuppressed,
		Compact:              flagBool(cmd, "compact"),
		SARIFOmitSuppressed:  cfg.SARIFOmitSuppressed,
		SARIFMaxResults:      cfg.SARIFMaxResults,
		GitHubMaxAnnotations: flagInt(cmd, "github-max-annotations"),
		PrintErrors:          errorPrinter(cfg.Limits),
		GroupBy:              cfg.GroupBy,
	}
}

// newEngine loads the policies and builds the engine as the config says;
// check and baseline share it.
// The cache is returned too (nil without one), for --debug's statistics.
func newEngine(cmd *cobra.Command, cfg config.Config) (*engine.Engine, *cache.Dir, error) {
	failOn, err := finding.ParseThreshold(cfg.FailOn)
	if err != nil {
		return nil, nil, err
	}
	ev, err := engine.ParseEvaluator(cfg.Evaluator)
	if err != nil {
		return nil, nil, err
	}
	lib, err := loadPolicies(cmd, cfg)
	if err != nil {
		return nil, nil, err
	}
	opts := []engine.Option{
		engine.WithEvaluator(ev),
		engine.WithFailOn(failOn),
		engine.WithTimeout(cfg.Timeout),
		engine.WithParallel(cfg.Parallel),
		engine.WithLimits(cfg.Limits),
		engine.WithDebug(debugFlag(cmd)),
		engine.WithProfiles(append(cfg.Profiles.Add, cfg.Profile...), append(cfg.Profiles.Remove, cfg.NoProfile...)),
	}
	if cfg.AsOf != "" {
		opts = append(opts, engine.WithAsOf(cfg.AsOf))
	}
	if w := debugPrint(cmd); w != nil {
		opts = append(opts, engine.WithPrint(w))
	}
	overrides, err := ruleOverrides(cfg, lib)
	if err != nil {
		return nil, nil, err
	}
	opts = append(opts, engine.WithRuleOverrides(overrides))
	if cfg.Baseline != "" {
		fps, err := readBaseline(cfg.Baseline)
		if err != nil {
			return nil, nil, err
		}
		opts = append(opts, engine.WithBaseline(fps))
	}
	c, err := openCache(cfg)
	if err != nil {
		return nil, nil, err
	}
	if c != nil {
		opts = append(opts, engine.WithCache(c))
	}
	eng, err := engine.New(cmd.Context(), lib, opts...)
	if err == nil && debugFlag(cmd) {
		writeEvaluatorFallbacks(cmd.ErrOrStderr(), ev, eng.Fallbacks())
	}
	return eng, c, err
}

// evaluate checks the inventories and returns the whole result (baseline
// writes it back as JSON).
func evaluate(cmd *cobra.Command, cfg config.Config, paths []string) (*finding.Result, error) {
	eng, c, err := newEngine(cmd, cfg)
	if err != nil {
		return nil, err
	}
	progress := newProgress(cmd.ErrOrStderr(), cfg.Quiet)
	res, err := eng.CheckWithProgress(cmd.Context(), paths, progress.update)
	progress.finish()
	if debugFlag(cmd) {
		writeCacheStats(cmd.ErrOrStderr(), c)
	}
	if err != nil {
		return nil, err
	}
	hintWithoutCity(cmd.ErrOrStderr(), res, cfg.Quiet)
	return res, nil
}

// evaluateStream checks the inventories as check does: each inventory's
// findings and evidence go to a spool (a temporary file) as it is done,
// so memory holds the inventories in flight, not every finding, and the
// reports then read the spool. The caller closes the spool, which
// removes its file; it is non-nil whenever the check started.
func evaluateStream(cmd *cobra.Command, cfg config.Config, paths []string) (*report.Spool, error) {
	eng, c, err := newEngine(cmd, cfg)
	if err != nil {
		return nil, err
	}
	sp, err := report.NewSpool("")
	if err != nil {
		return nil, fmt.Errorf("creating the temporary file findings are kept in: %w", err)
	}
	progress := newProgress(cmd.ErrOrStderr(), cfg.Quiet)
	head, err := eng.CheckStream(cmd.Context(), paths, progress.update, sp.Add)
	progress.finish()
	if debugFlag(cmd) {
		writeCacheStats(cmd.ErrOrStderr(), c)
	}
	if err == nil {
		err = sp.Finish(head)
	}
	if err != nil {
		return sp, err
	}
	hintWithoutCity(cmd.ErrOrStderr(), head, cfg.Quiet)
	return sp, nil
}

// stepSummary opens $GITHUB_STEP_SUMMARY for appending, if it is set.
func stepSummary() (*os.File, error) {
	path := os.Getenv("GITHUB_STEP_SUMMARY")
	if path == "" {
		return nil, nil
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, fmt.Errorf("GITHUB_STEP_SUMMARY: %w", err)
	}
	return f, nil
}

func flagBool(cmd *cobra.Command, name string) bool {
	v, _ := cmd.Flags().GetBool(name)
	return v
}

func flagInt(cmd *cobra.Command, name string) int {
	v, _ := cmd.Flags().GetInt(name)
	return v
}
