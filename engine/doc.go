// Package engine is citygate as a library: it loads inventories, evaluates
// them concurrently against a compiled policy library with one prepared
// query, locates every finding in the HCL source, applies waivers and
// baselines, and returns a deterministic finding.Result.
//
// An Engine is an immutable value configured with WithX options; it is safe
// to share across goroutines and to reuse for many checks.
package engine
