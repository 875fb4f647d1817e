package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/engine/report"
)

func newEvalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval QUERY [PATH]",
		Short: "Evaluate a Rego query against an inventory with the loaded rules",
		Long: `eval runs one Rego query with everything check has: the built-in library and
the --policy directories, the params of the config file, the as-of date as
data.citygate.as_of, and PATH's document (what citygate input prints) as
input. It prints the result as opa eval -f json does: {"result": [...]}
with each expression's value and the query's bindings, or {} when the query
is undefined.

Without PATH the query runs with no input (input is undefined), which is
enough to look at data.citygate.params or to call a helper of citygate.lib.
With --tender, PATH is a bid, composed with the tender's city context and
evaluated at the tender's as-of date, as tender check evaluates it.

--explain prints OPA's trace before the result, as opa eval --explain does:
full (every step), notes (the trace() calls and the expressions that led to
them) or fails (the expressions that failed). print() output goes to stderr.

The query is compiled as the rules are, with the same restrictions: no
network, clock or random builtins (http.send is "undefined function"),
strict builtin errors, and the --timeout deadline.

Exit codes: 0 evaluated (defined or not); 1 with --fail and an undefined
result; 2 the query, a policy or the inventory has an error, or the
deadline struck.`,
		Example: `  citygate eval 'data.citygate.params.retention_max_days'
  citygate eval 'input.systems[_].id' fixtures/bid/acme-smart-lighting.hcl
  citygate eval 'data.citygate.rules.security.default_credentials.deny' fixtures/city --explain notes`,
		Args: cobra.RangeArgs(1, 2),
		RunE: runEval,
	}
	f := cmd.Flags()
	addPolicyFlags(cmd)
	f.String("as-of", "", "evaluation date YYYY-MM-DD, as data.citygate.as_of (default today)")
	f.Duration("timeout", engine.DefaultTimeout, "deadline for the evaluation")
	f.String("explain", "", "print the trace: full, notes or fails")
	f.Bool("fail", false, "exit 1 when the result is undefined (as opa eval --fail)")
	addDebugTenderFlag(cmd)
	return cmd
}

func runEval(cmd *cobra.Command, args []string) error {
	explainFlag, _ := cmd.Flags().GetString("explain")
	explain, err := engine.ParseExplain(explainFlag)
	if err != nil {
		return err
	}
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	lib, err := loadPoliciesPrint(cmd, cfg, true)
	if err != nil {
		return err
	}
	opts, err := tenderOptions(cmd, cfg)
	if err != nil {
		return err
	}
	opts = append(opts,
		engine.WithTimeout(cfg.Timeout),
		engine.WithLimits(cfg.Limits),
		engine.WithDebug(debugFlag(cmd)),
		engine.WithPrint(safeWriter{cmd.ErrOrStderr()}),
	)
	if cfg.AsOf != "" {
		opts = append(opts, engine.WithAsOf(cfg.AsOf))
	}
	eng, err := engine.New(cmd.Context(), lib, opts...)
	if err != nil {
		return err
	}
	var inv *inventory.Inventory
	if len(args) == 2 {
		var ok bool
		if inv, ok = loadForDebug(cmd, eng, args[1]); !ok {
			return exitCode(exitError)
		}
	}
	res, err := eng.Eval(cmd.Context(), args[0], inv, explain)
	if ierr := interrupted(cmd.Context()); ierr != nil {
		return ierr
	}
	if errs := policy.QueryErrors(err, args[0]); errs != nil {
		w := cmd.ErrOrStderr()
		for _, e := range errs {
			fmt.Fprintf(w, "Error: %s\n", report.SafeText(e.Error()))
		}
		fmt.Fprintf(w, "\n%d query error(s); nothing was evaluated.\n", len(errs))
		return exitCode(exitError)
	}
	if err != nil {
		return err
	}
	var out bytes.Buffer
	if explain != engine.ExplainOff {
		var trace bytes.Buffer
		engine.PrettyTrace(&trace, res.Trace)
		out.WriteString(report.SafeText(trace.String()))
	}
	doc := map[string]any{}
	if len(res.Results) > 0 {
		doc["result"] = res.Results
	}
	if err := writeJSON(&out, doc); err != nil {
		return err
	}
	if _, err := io.Copy(cmd.OutOrStdout(), &out); err != nil {
		return err
	}
	if flagBool(cmd, "fail") && len(res.Results) == 0 {
		return exitCode(exitFindings)
	}
	return nil
}
