package main

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"go.yaml.in/yaml/v3"

	"github.com/citygate/citygate/internal/config"
)

// envPrefix starts every environment variable citygate reads.
const envPrefix = "CITYGATE_"

// paramsEnvPrefix starts a parameter override: CITYGATE_PARAMS_RETENTION_MAX_DAYS=30
// sets params.retention_max_days.
const paramsEnvPrefix = envPrefix + "PARAMS_"

// unlisted are flags that are not settings.
var unlisted = map[string]bool{"config": true, "debug": true, "help": true, "version": true,
	// -f and -o keep their order on the command line (output.go).
	"format": true, "output": true}

// loadConfig layers flags over CITYGATE_* environment variables over the
// config file over defaults, and rejects unknown keys in the file. Each
// error names where the bad value came from: the flag, the environment
// variable, or the file and line.
func loadConfig(cmd *cobra.Command) (config.Config, error) {
	v := viper.New()
	v.SetEnvPrefix(strings.TrimSuffix(envPrefix, "_"))
	v.SetEnvKeyReplacer(strings.NewReplacer("-", "_", ".", "_"))
	v.AutomaticEnv()
	for _, key := range config.Keys {
		if err := v.BindEnv(key); err != nil {
			return config.Config{}, err
		}
	}
	var bindErr error
	cmd.Flags().VisitAll(func(f *pflag.Flag) {
		if unlisted[f.Name] {
			return
		}
		if err := v.BindPFlag(strings.ReplaceAll(f.Name, "-", "_"), f); err != nil {
			bindErr = err
		}
	})
	if bindErr != nil {
		return config.Config{}, bindErr
	}
	if err := checkEnvironment(); err != nil {
		return config.Config{}, err
	}
	path, _ := cmd.Flags().GetString("config")
	explicit := path != ""
	if !explicit {
		path = ".citygate.yaml"
	}
	source := "settings"
	if _, err := os.Stat(path); err == nil || explicit {
		if err := config.CheckFile(path); err != nil {
			return config.Config{}, fmt.Errorf("config: %w", err)
		}
		v.SetConfigFile(path)
		v.SetConfigType("yaml")
		if err := v.ReadInConfig(); err != nil {
			return config.Config{}, fmt.Errorf("config %s: %w", path, err)
		}
		source = "config " + path
	}
	var cfg config.Config
	if err := v.Unmarshal(&cfg); err != nil {
		return config.Config{}, fmt.Errorf("%s: %s", source, decodeError(err))
	}
	// rules: comes from the file alone, read again with its rule ids'
	// case (viper lower-cases keys) and their places, for errors.
	cfg.Rules = nil
	if source != "settings" {
		cfg.File = path
		rules, err := config.ReadRules(path)
		if err != nil {
			return config.Config{}, fmt.Errorf("config: %w", err)
		}
		cfg.Rules = rules
	}
	params, err := paramsFromEnv()
	if err != nil {
		return config.Config{}, err
	}
	if len(params) > 0 && cfg.Params == nil {
		cfg.Params = map[string]any{}
	}
	for k, val := range params {
		cfg.Params[k] = val
	}
	return cfg, nil
}

// checkEnvironment decodes each CITYGATE_<KEY> variable on its own, so a
// bad value is blamed on the variable, not on a config file.
func checkEnvironment() error {
	for _, key := range config.Keys {
		name := envPrefix + strings.ToUpper(key)
		val, ok := os.LookupEnv(name)
		if ok && key == "rules" {
			return fmt.Errorf("environment variable %s: rule overrides are set in the config file only (rules: in .citygate.yaml)", name)
		}
		if !ok || key == "params" || key == "limits" {
			continue
		}
		one := viper.New()
		one.Set(key, val)
		var cfg config.Config
		if err := one.Unmarshal(&cfg); err != nil {
			return fmt.Errorf("environment variable %s=%q: %s", name, val, decodeError(err))
		}
	}
	return nil
}

// decodeError keeps the lines of mapstructure's message that say what is
// wrong, without its "decoding failed due to the following error(s)" head.
func decodeError(err error) string {
	var parts []string
	for _, line := range strings.Split(err.Error(), "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "* "))
		if line == "" || strings.HasSuffix(line, "error(s):") || strings.HasSuffix(line, "error(s) decoding:") {
			continue
		}
		parts = append(parts, line)
	}
	if len(parts) == 0 {
		return err.Error()
	}
	return strings.Join(parts, "; ")
}

// paramsFromEnv reads CITYGATE_PARAMS_<NAME> variables: NAME in lower case
// is the parameter, the value is read as YAML (30, true, [a, b], text).
// The policy loader checks names and types as it does for the file's.
func paramsFromEnv() (map[string]any, error) {
	var names []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, paramsEnvPrefix) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	out := map[string]any{}
	for _, name := range names {
		key := strings.ToLower(strings.TrimPrefix(name, paramsEnvPrefix))
		if key == "" {
			return nil, fmt.Errorf("environment variable %s names no parameter: write %s<NAME>", name, paramsEnvPrefix)
		}
		var val any
		if err := yaml.Unmarshal([]byte(os.Getenv(name)), &val); err != nil {
			return nil, fmt.Errorf("environment variable %s: not a YAML value: %v", name, err)
		}
		out[key] = val
	}
	return out, nil
}
