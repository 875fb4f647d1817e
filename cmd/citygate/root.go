package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/citygate/citygate/internal/config"
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

// run is main without os.Exit, for tests. A panic is a bug: it becomes an
// error and exit 2, with the stack behind --debug.
func run(args []string, stdout, stderr io.Writer) (code int) {
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
	err := root.Execute()
	if debugMode {
		writeFastPathStats(stderr)
	}
	var ec exitCode
	switch {
	case err == nil:
		return exitOK
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
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentFlags().String("config", "", "config file (default .citygate.yaml in the working directory)")
	root.PersistentFlags().Bool("debug", false, "print stack traces for internal errors")
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
	)
	return root
}

// loadConfig layers flags over CITYGATE_* environment variables over the
// config file over defaults, and rejects unknown keys in the file.
func loadConfig(cmd *cobra.Command) (config.Config, error) {
	v := viper.New()
	v.SetEnvPrefix("CITYGATE")
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_", ".", "_"))
	v.AutomaticEnv()
	var bindErr error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if f.Name == "config" || f.Name == "debug" || f.Name == "help" {
			return
		}
		key := strings.ReplaceAll(f.Name, "-", "_")
		if err := v.BindPFlag(key, f); err != nil {
			bindErr = err
		}
	})
	if bindErr != nil {
		return config.Config{}, bindErr
	}
	path, _ := cmd.Flags().GetString("config")
	explicit := path != ""
	if !explicit {
		path = ".citygate.yaml"
	}
	if _, err := os.Stat(path); err == nil || explicit {
		if err := config.CheckFile(path); err != nil {
			return config.Config{}, fmt.Errorf("config: %w", err)
		}
		v.SetConfigFile(path)
		v.SetConfigType("yaml")
		if err := v.ReadInConfig(); err != nil {
			return config.Config{}, fmt.Errorf("config %s: %w", path, err)
		}
	}
	var cfg config.Config
	if err := v.Unmarshal(&cfg); err != nil {
		return config.Config{}, fmt.Errorf("config %s: %w", path, err)
	}
	return cfg, nil
}

// debugFlag reports whether --debug was given: internal errors then carry
// their stack trace.
func debugFlag(cmd *cobra.Command) bool {
	on, _ := cmd.Flags().GetBool("debug")
	return on
}
