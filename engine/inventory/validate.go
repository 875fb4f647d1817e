package inventory

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/unicode/norm"

	"github.com/citygate/citygate/internal/didyoumean"
)

var printer = message.NewPrinter(language.English)

// validate checks the document against the schema and reports each
// violation once, at the range of the value (or, for a missing argument,
// the block header) it concerns.
func validate(schema *Schema, doc ast.Value, sm *SourceMap) hcl.Diagnostics {
	inst, err := ast.JSON(doc)
	if err != nil {
		return hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "Internal error", Detail: err.Error()}}
	}
	verr, ok := schema.compiledSchema().Validate(inst).(*jsonschema.ValidationError)
	if !ok || verr == nil {
		return nil
	}
	var leaves []*jsonschema.ValidationError
	collectLeaves(verr, &leaves)
	// A value failing both format and pattern (a bad date) is one problem.
	byLoc := map[string]*jsonschema.ValidationError{}
	var order []string
	for _, l := range leaves {
		key := strings.Join(l.InstanceLocation, "/")
		if _, isRequired := l.ErrorKind.(*kind.Required); isRequired {
			key += "#required"
		}
		prev, seen := byLoc[key]
		if !seen {
			order = append(order, key)
		}
		if !seen || priority(l.ErrorKind) < priority(prev.ErrorKind) {
			byLoc[key] = l
		}
	}
	var diags hcl.Diagnostics
	for _, key := range order {
		if d := diagnose(byLoc[key], sm); d != nil {
			diags = append(diags, d)
		}
	}
	return diags
}

func collectLeaves(e *jsonschema.ValidationError, out *[]*jsonschema.ValidationError) {
	if len(e.Causes) == 0 {
		*out = append(*out, e)
		return
	}
	for _, c := range e.Causes {
		collectLeaves(c, out)
	}
}

// priority prefers the most telling error when one value fails several
// keywords: a wrong type over a bad format over a pattern mismatch.
func priority(k jsonschema.ErrorKind) int {
	switch k.(type) {
	case *kind.Type:
		return 0
	case *kind.Enum:
		return 1
	case *kind.Format:
		return 2
	case *kind.Pattern:
		return 3
	}
	return 1
}

func diagnose(e *jsonschema.ValidationError, sm *SourceMap) *hcl.Diagnostic {
	node, field := sm.pointer(e.InstanceLocation)
	if field == "" {
		field = "inventory"
	}
	d := &hcl.Diagnostic{Severity: hcl.DiagError, Subject: valueRange(node).Ptr()}
	switch k := e.ErrorKind.(type) {
	case *kind.Required:
		// An argument that is written but was refused (a variable, say) is
		// absent from the document; its own error already says why.
		var missing []string
		for _, m := range k.Missing {
			if _, written := node.Field(m); !written {
				missing = append(missing, m)
			}
		}
		if len(missing) == 0 {
			return nil
		}
		d.Summary = "Missing required argument"
		d.Detail = fmt.Sprintf("The argument %q is required here.", missing[0])
		if len(missing) > 1 {
			d.Detail = fmt.Sprintf("The arguments \"%s\" are required here.", strings.Join(missing, `", "`))
		}
		d.Subject = node.Header.Ptr()
	case *kind.Type:
		d.Summary = "Incorrect value type"
		d.Detail = fmt.Sprintf("%s: expected %s, got %s.", field, strings.Join(k.Want, " or "), k.Got)
	case *kind.Enum:
		d.Summary = "Invalid value"
		want := make([]string, 0, len(k.Want))
		for _, w := range k.Want {
			if s, ok := w.(string); ok {
				want = append(want, s)
			}
		}
		d.Detail = fmt.Sprintf("%s: %s.", field, k.LocalizedString(printer))
		if isPlaceVocabulary(want) {
			d.Detail = fmt.Sprintf("%s: %v is not an ISO 3166-1 alpha-2 country code (UK is accepted for GB) or a region group (EU, EEA).", field, k.Got)
		}
		if got, ok := k.Got.(string); ok && len(got) <= maxSuggestLength {
			if code, country := countryCode(got, want); code != "" {
				d.Detail += fmt.Sprintf(" Did you mean %q (%s)?", code, country)
			} else if best := didyoumean.Closest(strings.ToLower(got), want); best != "" {
				d.Detail += fmt.Sprintf(" Did you mean %q?", best)
			}
		}
	case *kind.Format:
		d.Summary = "Invalid value"
		d.Detail = fmt.Sprintf("%s: %v is not a valid %s.", field, k.Got, formatName(k.Want))
	case *kind.Pattern:
		d.Summary = "Invalid value"
		d.Detail = fmt.Sprintf("%s: %q %s.", field, k.Got, patternSentence(k.Want, k.Got))
	case *kind.AdditionalProperties:
		// jsonschema lists the names in map order; the same input must
		// give the same message.
		names := slices.Sorted(slices.Values(k.Properties))
		d.Summary = "Invalid value"
		d.Detail = fmt.Sprintf("%s: %s.", field, (&kind.AdditionalProperties{Properties: names}).LocalizedString(printer))
	default:
		d.Summary = "Invalid value"
		d.Detail = fmt.Sprintf("%s: %s.", field, e.ErrorKind.LocalizedString(printer))
	}
	return d
}

func formatName(f string) string {
	if f == "date" {
		return "date (YYYY-MM-DD)"
	}
	return f
}

// valueRange is where a problem with a value points: an attribute's value,
// a label, or a block header.
func valueRange(n *Node) hcl.Range {
	switch n.kind {
	case attrNode, valueNode:
		return n.Value
	}
	return n.Header
}

// patternSentences say in words what the schema's patterns ask for; a
// regular expression is not an error message.
var patternSentences = map[string]string{
	`^[A-Za-z0-9][A-Za-z0-9._:-]*$`: "is not a valid id: ids start with an ASCII letter or digit and hold only ASCII letters, digits and . _ : - " +
		"(no spaces, accents or other scripts)",
	`^(city|system|zone|excavation)\.[A-Za-z0-9][A-Za-z0-9._:-]*$`: "does not name a resource: write kind.id, where kind is city, system, zone or excavation " +
		"and id is the block's label",
	`^\d{4}-\d{2}-\d{2}$`:           "is not a date in the form YYYY-MM-DD",
	`^https?://`:                    "is not an http:// or https:// address",
	`\S`:                            "is blank; write the value or leave the argument out",
	`^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$`: "is not a rule id such as SEC-005",
}

// patternSentence is the sentence for a pattern the value did not match,
// with an ASCII spelling suggested for an id in another script or with
// accents ("caméra" -> "camera").
func patternSentence(pattern string, got any) string {
	sentence, ok := patternSentences[pattern]
	if !ok {
		// A pattern without words of its own (a pack's extension schema
		// brings its own patterns): the pattern says more than "wrong".
		return "does not match the pattern " + pattern
	}
	if s, isString := got.(string); isString && strings.HasPrefix(sentence, "is not a valid id") {
		if ascii := asciiID(s); ascii != "" && ascii != s {
			sentence += fmt.Sprintf("; for example %q", ascii)
		}
	}
	return sentence
}

// asciiID folds accents away (NFD, dropping combining marks) and turns
// every other character an id cannot hold into "-"; "" when nothing of
// the value is left.
func asciiID(s string) string {
	if len(s) > maxSuggestLength {
		return ""
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("._:-", r)):
			b.WriteRune(r)
		default:
			b.WriteByte('-')
		}
	}
	out := strings.Trim(b.String(), "-._:")
	if out == "" || strings.Count(out, "-") > len(out)/2 {
		return ""
	}
	return out
}
