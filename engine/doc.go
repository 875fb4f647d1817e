// Package engine is citygate as a library: it loads inventories, evaluates
// them concurrently against a compiled policy library with one prepared
// query (and a second for what each rule applies to), renders each finding's
// message from its rule's templates and locates it in the HCL source,
// applies waivers and baselines, derives every rule's status on every
// resource (the evidence) for the jurisdiction profiles each inventory
// selects, and returns a deterministic finding.Result.
//
// An Engine is an immutable value configured with WithX options; it is safe
// to share across goroutines and to reuse for many checks.
package engine
