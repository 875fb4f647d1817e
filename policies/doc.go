// Package policies embeds the built-in Rego library: one rule per package
// under <principle>/, its _test.rego beside it, the shared helpers in lib/
// and the default thresholds in params.json.
package policies

import "embed"

// FS holds every built-in .rego file, params.json and its schema,
// params.schema.json (descriptions and types; docs/params.md).
//
//go:embed lib/*.rego */*.rego params.json params.schema.json
var FS embed.FS
