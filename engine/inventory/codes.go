package inventory

import (
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"golang.org/x/text/language"

	"github.com/citygate/citygate/internal/didyoumean"
	"golang.org/x/text/language/display"
)

// upperCodes upper-cases a code, or each code of a list, so that country
// codes and region groups match case-insensitively: the schema's enum and
// every rule then see "VN" whether the inventory wrote "vn" or "Vn".
// Anything that is not a string is left for the schema to refuse.
func upperCodes(v ast.Value) ast.Value {
	switch x := v.(type) {
	case ast.String:
		// Only code-sized values: a country name written out stays as
		// written, so its error message quotes what the author typed.
		if len(x) > 3 {
			return x
		}
		return ast.String(strings.ToUpper(string(x)))
	case *ast.Array:
		terms := make([]*ast.Term, x.Len())
		for i := range terms {
			terms[i] = ast.NewTerm(upperCodes(x.Elem(i).Value))
		}
		return ast.NewArray(terms...)
	}
	return v
}

// countryCode is the code, among the allowed ones, of a country written by
// its English name, exactly or nearly ("Vietnam", "portgual"), for the
// did-you-mean of a refused code; "" when no name is close.
func countryCode(name string, allowed []string) (code, country string) {
	want := normaliseName(name)
	if len(want) < 3 {
		return "", ""
	}
	names := display.English.Regions()
	byName := map[string]string{}
	keys := []string{}
	for _, c := range allowed {
		r, err := language.ParseRegion(c)
		if err != nil || len(c) != 2 {
			continue
		}
		n := normaliseName(names.Name(r))
		byName[n] = c
		keys = append(keys, n)
	}
	best := want
	// A near miss counts only for names long enough that two edits are a
	// typo, not another country ("apac" is not "japan").
	if _, ok := byName[want]; !ok && len(want) >= 6 {
		best = didyoumean.Closest(want, keys)
	}
	if c, ok := byName[best]; ok {
		r, _ := language.ParseRegion(c)
		return c, names.Name(r)
	}
	return "", ""
}

// isPlaceVocabulary reports whether an enum is the country-and-region
// vocabulary, whose 250 values are summarised instead of listed.
func isPlaceVocabulary(want []string) bool {
	return len(want) > 200 && slices.Contains(want, "EU") && slices.Contains(want, "VN")
}

func normaliseName(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '.' || r == '\'' {
			return -1
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
}
