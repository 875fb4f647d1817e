// Package finding holds the data model that every part of citygate shares:
// rules and their metadata, located findings, load and evaluation errors, and
// the Result of one run that reporters turn into bytes. It has no behaviour
// beyond ordering, severity ranking and fingerprints, so that reporters,
// waivers and the engine can depend on it without depending on each other.
package finding
