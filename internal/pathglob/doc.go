// Package pathglob matches slash-separated paths against doublestar
// globs, the syntax of .gitignore-like tools and of bmatcuk/doublestar:
// * and ? never cross a slash, ** matches any number of whole path
// segments (zero included), [abc] and [!abc] are character classes and
// {a,b} alternatives. It exists so that config settings scoped by path
// (rules: SEC-016: {paths: [...]}) need no new dependency.
package pathglob
