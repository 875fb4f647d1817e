// Package internal holds the packages citygate's own commands use that are
// not part of the embedding API (see docs/embedding.md): did-you-mean
// suggestions, the worker pool, configuration, generated docs and the
// fixture expectation markers. Go forbids importing them from outside this
// module, so they can change without a deprecation cycle.
package internal
