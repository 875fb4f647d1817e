package i18n

import (
	"encoding/json"
	"flag"
	"maps"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/engine/waiver"
)

var update = flag.Bool("update", false, "regenerate policies/i18n/en.json from the rules' metadata")

const enPath = "../../policies/i18n/en.json"

func builtinRules(t *testing.T) []finding.Rule {
	t.Helper()
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
	require.Empty(t, errs, "%v", errs)
	return append(append([]finding.Rule(nil), lib.Rules()...), waiver.Rules...)
}

// TestEnglishCatalog: en.json is exactly what the rules' metadata and the
// UI strings generate, so it cannot drift from the rules.
func TestEnglishCatalog(t *testing.T) {
	want, err := EnglishCatalog(builtinRules(t))
	require.NoError(t, err)
	if *update {
		require.NoError(t, os.WriteFile(enPath, want, 0o644))
	}
	got, err := os.ReadFile(enPath)
	require.NoError(t, err)
	require.Equal(t, string(want), string(got), "policies/i18n/en.json is stale: go test ./engine/i18n -run TestEnglishCatalog -update")
}

// readCatalog is a catalog's texts; a plural message shows as its
// "other" form (TestCatalogPluralForms checks the others).
func readCatalog(t *testing.T, lang string) map[string]string {
	t.Helper()
	m, _ := readCatalogForms(t, lang)
	return m
}

// readCatalogForms is readCatalog and each plural message's forms.
func readCatalogForms(t *testing.T, lang string) (map[string]string, map[string]map[string]string) {
	t.Helper()
	b, err := os.ReadFile("../../policies/i18n/" + lang + ".json")
	require.NoError(t, err)
	var raw map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(b, &raw), "%s.json must be a flat go-i18n JSON object", lang)
	m := map[string]string{}
	forms := map[string]map[string]string{}
	for k, v := range raw {
		var s string
		if json.Unmarshal(v, &s) == nil {
			m[k] = s
			continue
		}
		var p map[string]string
		require.NoError(t, json.Unmarshal(v, &p), "%s.json %s must be a string or an object of plural forms", lang, k)
		forms[k] = p
		m[k] = p["other"]
	}
	return m, forms
}

// cldrForms are the cardinal plural forms go-i18n (v2.7.0, its CLDR data,
// in an internal package) distinguishes per language, sorted. go-i18n
// gives Vietnamese one and other, though both read the same.
var cldrForms = map[string][]string{
	"en": {"one", "other"},
	"fr": {"many", "one", "other"},
	"es": {"many", "one", "other"},
	"ru": {"few", "many", "one", "other"},
	"vi": {"one", "other"},
	"ar": {"few", "many", "one", "other", "two", "zero"},
}

// TestCatalogPluralForms: every plural message gives exactly the CLDR
// cardinal forms its language uses (go-i18n would otherwise fall back to
// "other" silently), and each form keeps English's placeholders; a form
// for one number alone (zero, one, two) may leave out {count}, as
// Arabic's dual does.
func TestCatalogPluralForms(t *testing.T) {
	_, enForms := readCatalogForms(t, "en")
	en := readCatalog(t, "en")
	require.ElementsMatch(t, slices.Collect(maps.Keys(UIPlural)), slices.Collect(maps.Keys(enForms)))
	for _, l := range Languages {
		_, forms := readCatalogForms(t, l.Code)
		want := cldrForms[l.Code]
		require.NotEmpty(t, want, "no plural forms listed for %s", l.Code)
		for key := range enForms {
			got := slices.Sorted(maps.Keys(forms[key]))
			require.Equal(t, want, got, "%s.json %s: plural forms", l.Code, key)
			for form, text := range forms[key] {
				got := Placeholders(text)
				ph := Placeholders(en[key])
				if form == "zero" || form == "one" || form == "two" {
					if !slices.Contains(got, "count") {
						ph = slices.DeleteFunc(slices.Clone(ph), func(s string) bool { return s == "count" })
					}
				}
				require.Equal(t, ph, got, "%s.json %s#%s placeholders", l.Code, key, form)
			}
		}
	}
}

// TestPlural: N picks the language's form and writes the count in its digits.
func TestPlural(t *testing.T) {
	for _, tc := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, "1 finding"}, {"en", 2, "2 findings"}, {"en", 1200, "1200 findings"}, {"fr", 1200, "1\u00a0200 constats"},
		{"fr", 1, "1 constat"}, {"fr", 2, "2 constats"},
		{"ru", 1, "1 замечание"}, {"ru", 3, "3 замечания"}, {"ru", 5, "5 замечаний"}, {"ru", 21, "21 замечание"},
		{"ar", 2, "ملاحظتان"}, {"ar", 3, "٣ ملاحظات"}, {"ar", 11, "١١ ملاحظة"},
	} {
		c, err := Load(tc.lang)
		require.NoError(t, err)
		require.Equal(t, tc.want, c.N("summary.findings", tc.n), "%s %d", tc.lang, tc.n)
	}
}

// TestCatalogsMatchEnglish: every language has every English key, no key
// English lacks, the same placeholders in each text, and no English text
// passed off as a translation of a sentence.
func TestCatalogsMatchEnglish(t *testing.T) {
	en := readCatalog(t, "en")
	for _, l := range Languages {
		if l.Code == Default {
			continue
		}
		t.Run(l.Code, func(t *testing.T) {
			cat := readCatalog(t, l.Code)
			var missing, unknown, mismatched []string
			for k, v := range en {
				tr, ok := cat[k]
				if !ok {
					missing = append(missing, k)
					continue
				}
				if !slices.Equal(Placeholders(v), Placeholders(tr)) {
					mismatched = append(mismatched, k+": "+strings.Join(Placeholders(v), ",")+" vs "+strings.Join(Placeholders(tr), ","))
				}
			}
			for k := range cat {
				if _, ok := en[k]; !ok {
					unknown = append(unknown, k)
				}
			}
			sort.Strings(missing)
			sort.Strings(unknown)
			sort.Strings(mismatched)
			require.Empty(t, unknown, "%s.json has keys en.json lacks", l.Code)
			require.Empty(t, mismatched, "%s.json placeholders differ from English", l.Code)
			if len(missing) > 0 {
				t.Fatalf("%s.json lacks %d of %d keys, among them %s", l.Code, len(missing), len(en), strings.Join(missing[:min(len(missing), 8)], ", "))
			}
		})
	}
}

// TestCatalogsLoad: go-i18n parses every file and each language's catalog
// answers its own texts.
func TestCatalogsLoad(t *testing.T) {
	for _, l := range Languages {
		c, err := Load(l.Code)
		require.NoError(t, err)
		require.NotEmpty(t, c.T("lang.name"))
	}
	c, err := Load("fr_CA")
	require.NoError(t, err)
	require.Equal(t, "fr", c.Lang())
	_, err = Load("fx")
	require.Error(t, err)
	require.Contains(t, err.Error(), `did you mean "fr"`)
}

func TestDatesAndNumbers(t *testing.T) {
	for _, tc := range []struct{ lang, date, number string }{
		{"en", "23 November 2026", "12,345"},
		{"fr", "23 novembre 2026", "12\u00a0345"},
		{"es", "23 de noviembre de 2026", "12.345"},
		{"ru", "23 ноября 2026 г.", "12\u00a0345"},
		{"vi", "ngày 23 tháng 11 năm 2026", "12.345"},
		{"ar", "٢٣ نوفمبر ٢٠٢٦", "١٢٬٣٤٥"},
	} {
		c, err := Load(tc.lang)
		require.NoError(t, err)
		require.Equal(t, tc.date, c.Date("2026-11-23"), tc.lang)
		require.Equal(t, tc.number, c.Number(12345), tc.lang)
	}
}

// TestCatalogsPrintable: no control or bidi formatting character in any
// text. Reports escape them visibly (an inventory could use them to hide
// text), so one in a catalog would show as \u200f; dir="auto" and <bdi>
// do what marks would do.
func TestCatalogsPrintable(t *testing.T) {
	for _, l := range Languages {
		for k, v := range readCatalog(t, l.Code) {
			for _, r := range v {
				if r < 0x20 || (r >= 0x7f && r <= 0x9f) || (r >= 0x200e && r <= 0x200f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
					t.Errorf("%s.json %s holds %U", l.Code, k, r)
				}
			}
		}
	}
}
