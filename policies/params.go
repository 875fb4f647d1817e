package policies

import _ "embed"

// ParamsSchema is params.schema.json: the type, default and description
// of every parameter of params.json, from which docs/params.md is
// generated (citygate schema params -f markdown).
//
//go:embed params.schema.json
var ParamsSchema []byte
