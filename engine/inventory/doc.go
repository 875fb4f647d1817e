// Package inventory loads city and vendor inventories written in HCL (native
// syntax or .hcl.json) into the normalized document Rego policies read, with
// a source map that locates every block and attribute.
//
// The language is defined by schemas/inventory.schema.json: its x-hcl-block
// annotations say which properties are HCL blocks (and their label), the
// rest are attributes. Loading validates against the same schema and
// reports every problem as an hcl.Diagnostic at the narrowest range,
// collecting them all rather than stopping at the first.
//
// Inventories are untrusted (vendor bids): expressions are limited to
// literals, tuples, objects, unary minus and templates without
// interpolation, and size, depth, file count and string length are bounded
// before parsing.
package inventory
