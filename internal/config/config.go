package config

import (
	"reflect"
	"strings"
	"time"

	"github.com/citygate/citygate/engine/inventory"
)

// Config is every setting of a run. The mapstructure names are the keys of
// .citygate.yaml; flags use the same names with dashes.
type Config struct {
	Format    []string      `mapstructure:"format"`
	Output    []string      `mapstructure:"output"`
	FailOn    string        `mapstructure:"fail_on"`
	Policy    []string      `mapstructure:"policy"`
	NoBuiltin bool          `mapstructure:"no_builtin"`
	Rule      []string      `mapstructure:"rule"`
	SkipRule  []string      `mapstructure:"skip_rule"`
	AsOf      string        `mapstructure:"as_of"`
	Timeout   time.Duration `mapstructure:"timeout"`
	// Evaluator runs the Rego: topdown (OPA's interpreter) or wasm.
	Evaluator           string           `mapstructure:"evaluator"`
	Parallel            int              `mapstructure:"parallel"`
	Baseline            string           `mapstructure:"baseline"`
	ShowSuppressed      bool             `mapstructure:"show_suppressed"`
	SARIFOmitSuppressed bool             `mapstructure:"sarif_omit_suppressed"`
	SARIFMaxResults     int              `mapstructure:"sarif_max_results"`
	Quiet               bool             `mapstructure:"quiet"`
	Lang                string           `mapstructure:"lang"`
	Params              map[string]any   `mapstructure:"params"`
	Limits              inventory.Limits `mapstructure:"limits"`
	// GroupBy groups text and markdown reports: principle or area.
	GroupBy string `mapstructure:"group_by"`
	// Profiles adjust the jurisdiction profiles each inventory's city
	// selects (profiles: {add: [eu], remove: [us]}); Profile and NoProfile
	// are the --profile and --no-profile flags, added to them.
	Profiles  Profiles `mapstructure:"profiles"`
	Profile   []string `mapstructure:"profile" config:"flag-only"`
	NoProfile []string `mapstructure:"no_profile" config:"flag-only"`
	// Inventories are globs; with no path on the command line, each match
	// (a directory or an inventory file) is one inventory.
	Inventories []string `mapstructure:"inventories"`
	// Rules override rules by id (rules: {SEC-016: {severity: medium}});
	// only the file sets them. Read with the ids' case kept (ReadRules),
	// which viper's lower-cased keys lose.
	Rules map[string]RuleOverride `mapstructure:"rules"`
	// File is the config file read, "" for none: errors about rules:
	// name it.
	File string `mapstructure:"-"`
	// Cache is where check keeps the evaluation of unchanged inventories:
	// true (the user cache directory), false, or a directory. NoCache is
	// the --no-cache flag, which wins over both.
	Cache   any  `mapstructure:"cache"`
	NoCache bool `mapstructure:"no_cache" config:"flag-only"`
}

// RuleOverride is one rule's entry under rules:. Line and Column locate
// the rule id in the file, for errors about it.
type RuleOverride struct {
	// Severity replaces the rule's: critical, high, medium or low.
	Severity string `mapstructure:"severity"`
	// Enabled false turns the rule off; nil or true leaves it on.
	Enabled *bool `mapstructure:"enabled"`
	// Paths scope the override to inventories whose path (as given,
	// slash-normalised) matches one of these doublestar globs.
	Paths []string `mapstructure:"paths"`

	Line   int `mapstructure:"-"`
	Column int `mapstructure:"-"`
}

// ruleKeys are the keys of one rule's entry, from RuleOverride's tags.
var ruleKeys, _ = keysOf(reflect.TypeFor[RuleOverride]())

// Profiles is the profiles: setting.
type Profiles struct {
	Add    []string `mapstructure:"add"`
	Remove []string `mapstructure:"remove"`
}

// Keys are the top-level keys a config file may hold, and nested the keys
// of the nested maps that are checked too: both are read from Config's
// mapstructure tags, so a new setting cannot be forgotten here. (params
// are checked against policies/params.json by the policy loader.)
var Keys, nested = keysOf(reflect.TypeFor[Config]())

// keysOf lists a struct's mapstructure keys, and for each field that is
// itself a struct, that struct's keys. A field tagged config:"flag-only"
// is set by its flag only: the file has another way to say it.
func keysOf(t reflect.Type) ([]string, map[string][]string) {
	var keys []string
	nested := map[string][]string{}
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("mapstructure"), ",")
		if name == "" || name == "-" || f.Tag.Get("config") == "flag-only" {
			continue
		}
		keys = append(keys, name)
		if f.Type.Kind() == reflect.Struct && f.Type != reflect.TypeFor[time.Time]() {
			sub, _ := keysOf(f.Type)
			nested[name] = sub
		}
	}
	return keys, nested
}
