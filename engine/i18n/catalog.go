package i18n

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/internal/didyoumean"
	"github.com/citygate/citygate/policies"
)

// Language is one language citygate's reports can be written in.
type Language struct {
	Code string
	// RTL marks a right-to-left script (HTML sets dir="rtl").
	RTL bool
}

// Languages are the shipped catalogs; English is the source language.
var Languages = []Language{
	{Code: "en"}, {Code: "fr"}, {Code: "es"}, {Code: "ru"}, {Code: "vi"}, {Code: "ar", RTL: true},
}

// Default is the language used when none is asked for.
const Default = "en"

// Codes lists the language codes in Languages' order.
func Codes() []string {
	out := make([]string, len(Languages))
	for i, l := range Languages {
		out[i] = l.Code
	}
	return out
}

// Catalog answers translations for one language, falling back to English
// key by key.
type Catalog struct {
	lang    Language
	tag     language.Tag
	loc     *goi18n.Localizer
	own     map[string]bool
	printer *message.Printer
}

var (
	bundleOnce sync.Once
	bundle     *goi18n.Bundle
	fileKeys   map[string]map[string]string // lang -> key -> text
	bundleErr  error
)

// loadBundle parses every embedded catalog once.
func loadBundle() (*goi18n.Bundle, map[string]map[string]string, error) {
	bundleOnce.Do(func() {
		bundle = goi18n.NewBundle(language.English)
		bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
		fileKeys = map[string]map[string]string{}
		bundleErr = loadFS(bundle, policies.I18n, "i18n", fileKeys)
	})
	return bundle, fileKeys, bundleErr
}

func loadFS(b *goi18n.Bundle, fsys fs.FS, dir string, into map[string]map[string]string) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return err
	}
	var errs []error
	for _, e := range entries {
		if path.Ext(e.Name()) != ".json" {
			continue
		}
		mf, err := b.LoadMessageFileFS(fsys, path.Join(dir, e.Name()))
		if err != nil {
			errs = append(errs, fmt.Errorf("catalog %s: %w", e.Name(), err))
			continue
		}
		lang := strings.TrimSuffix(e.Name(), ".json")
		keys := map[string]string{}
		for _, m := range mf.Messages {
			keys[m.ID] = m.Other
		}
		into[lang] = keys
	}
	return errors.Join(errs...)
}

// Load returns the catalog of a language code ("" is English). An unknown
// code is an error naming the shipped ones.
func Load(code string) (*Catalog, error) {
	if code == "" {
		code = Default
	}
	code = strings.ToLower(strings.ReplaceAll(code, "_", "-"))
	// A regional variant (fr-CA, es-MX) gets its language's catalog.
	if base, _, ok := strings.Cut(code, "-"); ok {
		code = base
	}
	var lang *Language
	for i := range Languages {
		if Languages[i].Code == code {
			lang = &Languages[i]
		}
	}
	if lang == nil {
		hint := ""
		if best := didyoumean.Closest(code, Codes()); best != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", best)
		}
		return nil, fmt.Errorf("unknown report language %q%s: want one of %s (docs/translating.md says how to add one)", code, hint, strings.Join(Codes(), ", "))
	}
	b, keys, err := loadBundle()
	if err != nil {
		return nil, err
	}
	tag := language.Make(lang.Code)
	own := map[string]bool{}
	for k := range keys[lang.Code] {
		own[k] = true
	}
	return &Catalog{
		lang:    *lang,
		tag:     tag,
		loc:     goi18n.NewLocalizer(b, lang.Code, Default),
		own:     own,
		printer: message.NewPrinter(tag),
	}, nil
}

// Lang is the catalog's language code.
func (c *Catalog) Lang() string { return c.lang.Code }

// Dir is the HTML text direction: "rtl" or "ltr".
func (c *Catalog) Dir() string {
	if c.lang.RTL {
		return "rtl"
	}
	return "ltr"
}

// Has reports whether the catalog's own file translates key (English
// fallback does not count).
func (c *Catalog) Has(key string) bool { return c.own[key] }

// Raw is the text of key with its placeholders unfilled: this language's,
// else English's, else the built-in English UI string, else "".
func (c *Catalog) Raw(key string) string {
	s, err := c.loc.Localize(&goi18n.LocalizeConfig{MessageID: key})
	if err == nil && s != "" {
		return s
	}
	return UI[key]
}

// N is the plural message key for count: go-i18n picks the language's
// CLDR form (one, few, many, other…), whose {count} is filled with
// Count(count), and its other placeholders from args (pairs
// of name, value), as T does.
func (c *Catalog) N(key string, count int, args ...any) string {
	s, err := c.loc.Localize(&goi18n.LocalizeConfig{MessageID: key, PluralCount: count})
	if err != nil || s == "" {
		p, ok := UIPlural[key]
		if !ok {
			return key
		}
		s = p.Other
		if count == 1 {
			s = p.One
		}
	}
	m := c.pairs(args)
	m["count"] = c.Count(count)
	return Fill(s, m)
}

// T is key's text with its {name} placeholders filled from args (pairs of
// name, value); a key no catalog knows is returned as itself, so a missing
// string is visible rather than blank.
func (c *Catalog) T(key string, args ...any) string {
	s := c.Raw(key)
	if s == "" {
		return key
	}
	return Fill(s, c.pairs(args))
}

func (c *Catalog) pairs(args []any) map[string]string {
	m := make(map[string]string, len(args)/2)
	for i := 0; i+1 < len(args); i += 2 {
		name, _ := args[i].(string)
		m[name] = c.Value(args[i+1])
	}
	return m
}

// Value prints an argument: integers with the language's digits and
// grouping, strings as they are.
func (c *Catalog) Value(v any) string {
	switch x := v.(type) {
	case int:
		return c.printer.Sprintf("%d", x)
	case int64:
		return c.printer.Sprintf("%d", x)
	case float64:
		if x == float64(int64(x)) {
			return c.printer.Sprintf("%d", int64(x))
		}
		return c.printer.Sprintf("%v", x)
	case string:
		return x
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return c.printer.Sprintf("%d", i)
		}
		return x.String()
	}
	return fmt.Sprint(v)
}

// Decimal prints x with one decimal place in the language's conventions
// (87.5, 87,5, ٨٧٫٥): tender scores.
func (c *Catalog) Decimal(x float64) string { return c.printer.Sprintf("%.1f", x) }

// Count prints a count the way the text and markdown reports do: in
// English plain digits, as those reports always printed them and scripts
// parse them (10000, not 10,000); in any other language as Number.
func (c *Catalog) Count(n int) string {
	if c.lang.Code == Default {
		return strconv.Itoa(n)
	}
	return c.Number(n)
}

// Number prints an integer in the language's conventions.
func (c *Catalog) Number(n int) string { return c.printer.Sprintf("%d", n) }

// Fill replaces each {name} of text whose name args holds; other braces
// and unknown placeholders are kept, so nothing silently disappears.
func Fill(text string, args map[string]string) string {
	var b strings.Builder
	rest := text
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			b.WriteString(rest)
			return b.String()
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 {
			b.WriteString(rest)
			return b.String()
		}
		name := rest[open+1 : open+end]
		v, ok := args[name]
		if !ok || !finding.IsPlaceholderName(name) {
			b.WriteString(rest[:open+1])
			rest = rest[open+1:]
			continue
		}
		b.WriteString(rest[:open])
		b.WriteString(v)
		rest = rest[open+end+1:]
	}
}

// Placeholders lists the distinct {name} placeholders of text, sorted.
func Placeholders(text string) []string {
	seen := map[string]bool{}
	rest := text
	for {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(rest[open:], '}')
		if end < 0 {
			break
		}
		if name := rest[open+1 : open+end]; finding.IsPlaceholderName(name) {
			seen[name] = true
			rest = rest[open+end+1:]
			continue
		}
		rest = rest[open+1:]
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
