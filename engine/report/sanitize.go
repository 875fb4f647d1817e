package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Inventory strings are untrusted: a vendor's bid can put terminal escapes,
// bidi overrides, line separators or a newline followed by "::" (a GitHub
// Actions workflow command) into any name, path or message. Every format
// passes such strings through the functions in this file, so the rules live
// in one place. Escapes are visible text (\x1b, \u202e) rather than U+FFFD,
// so a reviewer can see what the vendor actually wrote.

// unsafeRune reports whether r must not reach output raw. Tab is allowed;
// newline is decided by the caller.
func unsafeRune(r rune) bool {
	switch {
	case r == '\t':
		return false
	case r < 0x20, r == 0x7f: // C0 controls and DEL: terminal escapes, BEL, CR
		return true
	case r >= 0x80 && r <= 0x9f: // C1 controls: CSI (U+009B) and NEL act like ESC [ and newline
		return true
	case r == 0x2028, r == 0x2029: // line and paragraph separators break lines in editors and JS
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, // bidi marks
		r >= 0x202a && r <= 0x202e, // bidi embeddings and overrides ("Trojan Source")
		r >= 0x2066 && r <= 0x2069: // bidi isolates
		return true
	case r == 0xfffe, r == 0xffff: // not characters; XML 1.0 cannot carry them
		return true
	}
	return false
}

// escapeControls replaces every unsafe rune and every invalid UTF-8 byte
// with a visible escape. With keepNewlines, "\n" and "\r\n" stay line
// breaks (as "\n"); otherwise the result is always a single line.
func escapeControls(s string, keepNewlines bool) string {
	if isClean(s, keepNewlines) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && w == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case keepNewlines && r == '\n':
			b.WriteByte('\n')
		case keepNewlines && r == '\r' && strings.HasPrefix(s[i+1:], "\n"):
			// CRLF is a line break written by an editor, not an attack.
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x80 && unsafeRune(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+w])
		}
		i += w
	}
	return b.String()
}

func isClean(s string, keepNewlines bool) bool {
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			return false
		}
		if unsafeRune(r) && !(keepNewlines && r == '\n') {
			return false
		}
		i += w
	}
	return true
}

// neutralizeCommands stops one line of text from being read as a GitHub
// Actions workflow command. The runner trims leading white space and then
// looks for "::", and it also looks for the legacy "##[" prefix anywhere in
// a line, so a backslash goes in front of both.
func neutralizeCommands(line string) string {
	rest := strings.TrimLeftFunc(line, unicode.IsSpace)
	if strings.HasPrefix(rest, "::") {
		line = line[:len(line)-len(rest)] + `\` + rest
	}
	return strings.ReplaceAll(line, "##[", `##\[`)
}

// oneLine makes an untrusted string safe to print on a line of terminal or
// CI-log output, wherever on the line it lands.
func oneLine(s string) string {
	return neutralizeCommands(escapeControls(s, false))
}

// multiLine makes an untrusted string safe to print as lines of its own
// (a remediation, an error's detail): line breaks stay, and every line is
// neutralized on its own.
func multiLine(s string) string {
	s = escapeControls(s, true)
	if !strings.Contains(s, "::") && !strings.Contains(s, "##[") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = neutralizeCommands(l)
	}
	return strings.Join(lines, "\n")
}

// markdownText makes an untrusted string safe inside a markdown paragraph
// or table cell, on GitHub and GitLab alike: no HTML (so no injected tags
// or comments), no links, emphasis, code spans, math or table pipes, and no
// line breaks that could start a block or a workflow command. Line breaks
// become <br>, which both renderers show in cells and paragraphs.
func markdownText(s string) string {
	s = escapeControls(s, true)
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch r {
		case '\n':
			b.WriteString("<br>")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '\\', '`', '*', '_', '[', ']', '|', '~', '$':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	// A backslash before a leading "::" renders as nothing in markdown but
	// keeps the raw file safe when it is printed to a CI log.
	return neutralizeCommands(b.String())
}

// safeLink returns u when it is an absolute http(s) URI made only of URI
// characters, else "": a help URI comes from policy metadata, and formats
// that turn it into a link (markdown, SARIF) must not carry a javascript:
// URI or break out of the link syntax with a space or a parenthesis.
func safeLink(u string) string {
	if safeURL.MatchString(u) {
		return u
	}
	return ""
}

var safeURL = regexp.MustCompile(`^https?://[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]+$`)

// neutralizeJSON finishes what encoding/json starts. It escapes C0
// controls and U+2028/2029 but writes C1 controls (U+009B acts as ESC [ in
// many terminals) and bidi overrides raw, and the runner's legacy "##["
// command is recognised anywhere in a line. Both are rewritten as \uXXXX
// escapes, which only ever occur inside JSON strings and decode to the same
// data, so baselines and other readers see exactly what the inventory held.
// ("::" needs nothing: a JSON line never starts with it.)
func neutralizeJSON(b []byte) []byte {
	if !needsNeutralizing(b) {
		return b
	}
	var out bytes.Buffer
	out.Grow(len(b))
	for i := 0; i < len(b); {
		r, w := utf8.DecodeRune(b[i:])
		switch {
		case r >= 0x80 && unsafeRune(r):
			fmt.Fprintf(&out, `\u%04x`, r)
		case r == '#' && bytes.HasPrefix(b[i:], []byte("##[")):
			out.WriteString(`##\u005b`)
			w = 3
		default:
			out.Write(b[i : i+w])
		}
		i += w
	}
	return out.Bytes()
}

// needsNeutralizing is whether neutralizeJSON could change b: only bytes
// past ASCII and "##[" can, and most output has neither.
func needsNeutralizing(b []byte) bool {
	for i, c := range b {
		if c >= 0x80 || c == '#' && bytes.HasPrefix(b[i:], []byte("##[")) {
			return true
		}
	}
	return false
}
