// Package report turns a finding.Result into bytes: one Reporter interface,
// one file per output format (text, json, sarif, junit, github, markdown).
// Reporters never evaluate anything and never read the clock, so the same
// Result always produces the same bytes. Every string that came from an
// inventory is untrusted and is escaped for the format it is written into.
package report
