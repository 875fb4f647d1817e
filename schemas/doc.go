// Package schemas embeds the JSON Schemas that define citygate's contracts:
// the normalized inventory (which drives the loader, type-checks Rego and
// generates docs/inventory.md), the findings document, the tender file (read
// by the same loader) and the tender report.
package schemas

import _ "embed"

// Inventory is schemas/inventory.schema.json.
//
//go:embed inventory.schema.json
var Inventory []byte

// Tender is schemas/tender.schema.json: the tender file a city publishes.
//
//go:embed tender.schema.json
var Tender []byte

// TenderReport is schemas/tender-report.schema.json: the JSON document of
// citygate tender check.
//
//go:embed tender-report.schema.json
var TenderReport []byte
