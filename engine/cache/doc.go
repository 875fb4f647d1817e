// Package cache stores the evaluation of one inventory on disk, keyed by
// a digest of everything the evaluation depends on, so that a later run
// over unchanged inventories skips loading and evaluating them.
//
// The package knows nothing of findings: an entry is opaque bytes under a
// 32-byte key. The engine (engine.WithCache) computes keys and encodes
// its per-inventory results. Every entry carries its own key and a
// checksum of its payload; Get returns an entry only when both match, so
// a truncated, corrupted, foreign or half-written file reads as a miss
// and is recomputed and overwritten, never trusted. Put writes a
// temporary file beside the entry and renames it into place, so runs
// sharing one directory see an old entry or a new one, never a part.
package cache
