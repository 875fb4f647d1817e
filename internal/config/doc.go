// Package config is the shape of .citygate.yaml and the checks on it:
// every key is known (an unknown key is an error at its line, with a
// suggestion), values have the right type. The CLI layers flags and
// CITYGATE_* environment variables over it with viper.
package config
