package config

import (
	"time"

	"github.com/citygate/citygate/engine/inventory"
)

// Config is every setting of a run. The mapstructure names are the keys of
// .citygate.yaml; flags use the same names with dashes.
type Config struct {
	Format              []string         `mapstructure:"format"`
	Output              []string         `mapstructure:"output"`
	FailOn              string           `mapstructure:"fail_on"`
	Policy              []string         `mapstructure:"policy"`
	NoBuiltin           bool             `mapstructure:"no_builtin"`
	Rule                []string         `mapstructure:"rule"`
	SkipRule            []string         `mapstructure:"skip_rule"`
	AsOf                string           `mapstructure:"as_of"`
	Timeout             time.Duration    `mapstructure:"timeout"`
	Parallel            int              `mapstructure:"parallel"`
	Baseline            string           `mapstructure:"baseline"`
	ShowSuppressed      bool             `mapstructure:"show_suppressed"`
	SARIFOmitSuppressed bool             `mapstructure:"sarif_omit_suppressed"`
	SARIFMaxResults     int              `mapstructure:"sarif_max_results"`
	Quiet               bool             `mapstructure:"quiet"`
	Params              map[string]any   `mapstructure:"params"`
	Limits              inventory.Limits `mapstructure:"limits"`
	// Inventories are globs; with no path on the command line, each match
	// (a directory or an inventory file) is one inventory.
	Inventories []string `mapstructure:"inventories"`
}

// Keys are the top-level keys a config file may hold; nested lists the
// keys of nested maps that are checked too (params are checked against
// policies/params.json by the policy loader).
var Keys = []string{
	"format", "output", "fail_on", "policy", "no_builtin", "rule", "skip_rule",
	"as_of", "timeout", "parallel", "baseline", "show_suppressed",
	"sarif_omit_suppressed", "sarif_max_results", "quiet", "params", "limits",
	"inventories",
}

var nested = map[string][]string{
	"limits": {"max_file_size", "max_files", "max_depth", "max_string_length"},
}
