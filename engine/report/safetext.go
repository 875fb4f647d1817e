package report

// SafeText makes untrusted text safe to print as lines on a terminal or in
// a CI log: control characters and terminal escapes become visible
// escapes, and no line can start a workflow command. For output produced
// outside a reporter, such as hcl's diagnostic snippets of vendor files.
func SafeText(s string) string { return multiLine(s) }
