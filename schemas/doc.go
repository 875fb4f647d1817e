// Package schemas embeds the JSON Schemas that define citygate's contracts:
// the normalized inventory (which drives the loader, type-checks Rego and
// generates docs/inventory.md) and the findings document.
package schemas

import _ "embed"

// Inventory is schemas/inventory.schema.json.
//
//go:embed inventory.schema.json
var Inventory []byte
