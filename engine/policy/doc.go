// Package policy loads, validates and compiles Rego rules: the built-in
// library embedded from policies/ and user directories or pack bundles
// (bundle.go: an OPA bundle read as untrusted input, signature verified
// by OPA, rebuilt as the pack's directory) given with --policy.
// It enforces the rule contract (one rule per package under
// citygate.rules.<principle>.<name>, package METADATA with id, title,
// severity and principle, unique ids), type-checks every rule against the
// inventory schema, and compiles with restricted capabilities: no network,
// no opa.runtime, no nondeterministic builtins. It also runs Rego unit
// tests (the *_test.rego modules, which never enter the production compile).
//
// Each user directory is a policy pack (engine/pack): its custom params
// join data.citygate.params.custom, its data data.citygate.packs, and its
// extension fragments the inventory schema that types input
// (Library.Packs, Library.InventorySchema; packs.go).
package policy
