package inventory

import (
	"sort"
	"sync/atomic"
)

// FallbackReason says why a native-syntax file was not read by the fast
// parser and took the usual (about 3.5 times slower) path through hcl.
// Every fallback is correct, since the usual path reads everything; the
// reasons make a slow corpus explainable (citygate --debug prints them).
type FallbackReason string

const (
	// FallbackText: bytes outside the subset's text (control characters
	// other than tab and newline, CR line endings, invalid UTF-8).
	FallbackText FallbackReason = "text outside printable ASCII, tab, newline and UTF-8 in strings"
	// FallbackDepth: nesting deeper than limits.max_depth (or the fast
	// parser's own bound); the usual path reports or reads it.
	FallbackDepth FallbackReason = "nesting deeper than the fast parser reads"
	// FallbackExpression: a value that is not a literal (a variable,
	// function call, operator, conditional, heredoc or for expression).
	FallbackExpression FallbackReason = "an expression that is not a literal"
	// FallbackString: a string the subset does not read (a template with
	// ${ or %{, an unknown escape) or one over limits.max_string_length.
	FallbackString FallbackReason = "a template, escape or string length the fast parser does not read"
	// FallbackNumber: a number with an exponent or outside JSON's syntax.
	FallbackNumber FallbackReason = "a number outside JSON's syntax without exponent"
	// FallbackDuplicate: an attribute defined twice in one body (hcl
	// reports it).
	FallbackDuplicate FallbackReason = "an attribute defined twice"
	// FallbackLayout: anything else outside the subset: two items on one
	// line, a multi-attribute single-line block, unlabelled syntax errors.
	FallbackLayout FallbackReason = "layout or syntax outside the fast parser's subset"
)

// Fallback is one file that took the usual path, and why.
type Fallback struct {
	File   string
	Reason FallbackReason
}

// fastFiles and fallbacks count, process-wide, the native-syntax files
// each path read, for --debug. The map is built once and only its
// counters change.
var (
	fastFiles atomic.Int64
	fallbacks = func() map[FallbackReason]*atomic.Int64 {
		m := map[FallbackReason]*atomic.Int64{}
		for _, r := range []FallbackReason{FallbackText, FallbackDepth, FallbackExpression, FallbackString, FallbackNumber, FallbackDuplicate, FallbackLayout} {
			m[r] = new(atomic.Int64)
		}
		return m
	}()
)

func countFast() { fastFiles.Add(1) }

func countFallback(r FallbackReason) {
	if c, ok := fallbacks[r]; ok {
		c.Add(1)
	}
}

// FastPathStats are the process-wide counts of native-syntax files read
// by the fast parser and of those that fell back, by reason.
type FastPathStats struct {
	Fast      int64
	Fallbacks map[FallbackReason]int64
}

// FallbackTotal is the number of files that fell back.
func (s FastPathStats) FallbackTotal() int64 {
	var n int64
	for _, c := range s.Fallbacks {
		n += c
	}
	return n
}

// Reasons are the reasons with a count, most frequent first.
func (s FastPathStats) Reasons() []FallbackReason {
	var out []FallbackReason
	for r, c := range s.Fallbacks {
		if c > 0 {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if s.Fallbacks[out[i]] != s.Fallbacks[out[j]] {
			return s.Fallbacks[out[i]] > s.Fallbacks[out[j]]
		}
		return out[i] < out[j]
	})
	return out
}

// ReadFastPathStats returns the counts so far.
func ReadFastPathStats() FastPathStats {
	s := FastPathStats{Fast: fastFiles.Load(), Fallbacks: map[FallbackReason]int64{}}
	for r, c := range fallbacks {
		s.Fallbacks[r] = c.Load()
	}
	return s
}
