package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	opaversion "github.com/open-policy-agent/opa/v1/version"
	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine"
)

// Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it,
// 2 the run could not be completed.
const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
)

// exitError carries an exit code out of a command.
type exitCode int

func (c exitCode) Error() string { return fmt.Sprintf("exit %d", int(c)) }

// run is main without os.Exit and without signal handling, for tests.
func run(args []string, stdout, stderr io.Writer) int {
	return runContext(context.Background(), args, stdout, stderr)
}

// runContext runs one command line under ctx; main cancels ctx on SIGINT
// and SIGTERM. A panic is a bug: it becomes an error and exit 2, with the
// stack behind --debug.
func runContext(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	debugMode := false
	for _, a := range args {
		debugMode = debugMode || a == "--debug"
	}
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "citygate: internal error: %v\nThis is a bug; please report it with the input that caused it.\n", r)
			if debugMode {
				fmt.Fprintf(stderr, "%s", debug.Stack())
			} else {
				fmt.Fprintln(stderr, "Run again with --debug for a stack trace.")
			}
			code = exitError
		}
	}()
	root := newRootCmd(stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if debugMode {
		writeFastPathStats(stderr)
	}
	var ec exitCode
	var sig signalExit
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &sig):
		fmt.Fprintf(stderr, "citygate: interrupted (%s); no report was written\n", sig.name)
		return sig.code
	case errors.As(err, &ec):
		return int(ec)
	default:
		fmt.Fprintf(stderr, "citygate: %v\n", err)
		return exitError
	}
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "citygate",
		Short: "Policy-as-code compliance for smart-city systems",
		Long: `citygate evaluates city and vendor inventories written in HCL against Rego
policies that encode the G20 Global Smart Cities Alliance principles, and
reports findings located at the exact HCL line.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       versionLine(),
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentFlags().String("config", "", "config file (default .citygate.yaml in the working directory)")
	root.PersistentFlags().Bool("debug", false, "print stack traces for internal errors")
	root.PersistentFlags().BoolP("quiet", "q", false, "no progress or status messages on stderr (reports and errors are still written)")
	root.AddCommand(
		newCheckCmd(),
		newBaselineCmd(),
		newValidateCmd(),
		newRulesCmd(),
		newSchemaCmd(),
		newVersionCmd(),
		newTestCmd(),
		newFmtCmd(),
		newTenderCmd(),
		newInitCmd(),
		newMergeCmd(),
		newBundleCmd(),
		newInputCmd(),
		newEvalCmd(),
	)
	return root
}

// debugFlag reports whether --debug was given: internal errors then carry
// their stack trace.
func debugFlag(cmd *cobra.Command) bool {
	on, _ := cmd.Flags().GetBool("debug")
	return on
}

// quiet reports whether -q was given (or quiet: true configured).
func quiet(cmd *cobra.Command) bool {
	on, _ := cmd.Flags().GetBool("quiet")
	return on
}

// versionLine is what version and --version print.
func versionLine() string {
	return fmt.Sprintf("citygate %s (opa %s, %s)", engine.Version, opaversion.Version, runtime.Version())
}
