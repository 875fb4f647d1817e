package i18n

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/citygate/citygate/engine/finding"
)

// The keys of a rule's texts in a catalog.
func titleKey(id string) string       { return "rule." + id + ".title" }
func descriptionKey(id string) string { return "rule." + id + ".description" }
func remediationKey(id string) string { return "rule." + id + ".remediation" }
func messageKey(id, template string) string {
	return "rule." + id + ".msg." + template
}

// RuleKeys are the catalog keys and English texts of the rules' metadata
// that reports show: title, description, remediation and message
// templates. The HTML report shows each failing rule's description under
// its title, so a committee reads what the rule asks and why in its own
// language; `citygate rules` and docs/rules.md stay English.
func RuleKeys(rules []finding.Rule) map[string]string {
	out := map[string]string{}
	for _, r := range rules {
		if r.Title != "" {
			out[titleKey(r.ID)] = r.Title
		}
		if d := unwrap(r.Description); d != "" {
			out[descriptionKey(r.ID)] = d
		}
		if text := remediationTemplate(r); text != "" {
			out[remediationKey(r.ID)] = text
		}
		for tmpl, text := range r.Messages {
			out[messageKey(r.ID, tmpl)] = text
		}
	}
	return out
}

// unwrap joins a description's lines into one paragraph: METADATA wraps
// descriptions at ~75 columns for the Rego source, and a line break in a
// catalog text would be a control character translators cannot see.
func unwrap(s string) string { return strings.Join(strings.Fields(s), " ") }

// EnglishCatalog is the content of en.json: the UI strings and the texts
// of the given rules (the built-in library), as a go-i18n JSON file with
// sorted keys.
func EnglishCatalog(rules []finding.Rule) ([]byte, error) {
	all := make(map[string]any, len(UI)+len(UIPlural))
	for k, v := range UI {
		all[k] = v
	}
	for k, v := range RuleKeys(rules) {
		all[k] = v
	}
	for k, v := range UIPlural {
		all[k] = map[string]string{"one": v.One, "other": v.Other}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(all); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// translated is the catalog's text of key when this language has it, else
// english (the text the engine already rendered or read from metadata),
// so a rule unknown to the catalogs (a user policy) keeps its own words.
func (c *Catalog) translated(key, english string) string {
	if c.lang.Code != Default && c.Has(key) {
		return c.Raw(key)
	}
	return english
}

// RuleTitle, RuleDescription and RuleRemediation are a rule's texts in
// the catalog's language.
func (c *Catalog) RuleTitle(r finding.Rule) string { return c.translated(titleKey(r.ID), r.Title) }
func (c *Catalog) RuleDescription(r finding.Rule) string {
	return c.translated(descriptionKey(r.ID), unwrap(r.Description))
}
func (c *Catalog) RuleRemediation(r finding.Rule) string {
	return c.remediation(r.ID, r.Remediation, r.RemediationArgs)
}

// remediationTemplate is a rule's fix text as written, with its
// {params.NAME} placeholders: what the catalogs translate.
func remediationTemplate(r finding.Rule) string {
	if r.RemediationTemplate != "" {
		return r.RemediationTemplate
	}
	return r.Remediation
}

// remediation is a rule's fix text in the catalog's language, its
// placeholders filled with the params the English text was rendered with
// (numbers in the language's conventions). Without a value for every
// placeholder (a finding whose rule the result does not list) it stays
// the English text, which never shows a bare placeholder.
func (c *Catalog) remediation(id, english string, args map[string]any) string {
	key := remediationKey(id)
	if c.lang.Code == Default || !c.Has(key) {
		return english
	}
	text := c.Raw(key)
	filled := make(map[string]string, len(args))
	for k, v := range args {
		filled[k] = c.Value(v)
	}
	for _, name := range Placeholders(text) {
		if _, ok := filled[name]; !ok {
			return english
		}
	}
	return Fill(text, filled)
}

// PrincipleName is a principle key's name in the catalog's language; a
// key without a catalog entry (a custom rule's) shows as itself.
func (c *Catalog) PrincipleName(key string) string {
	if key == "" {
		return c.T("principle.unknown")
	}
	if s := c.Raw("principle." + key); s != "" {
		return s
	}
	return key
}

// Message is a finding's message in the catalog's language: its template
// translated and filled with its arguments when the catalog has it, else
// the English message the engine rendered. A message the engine extended
// after rendering (the procurement gate lists the findings that block
// award) is translated only in the ways this file knows; any other
// difference from the English template keeps the English message, so a
// translation never drops a fact.
func (c *Catalog) Message(f *finding.Finding) string {
	tmpl, args, ok := findingTemplate(f)
	if !ok || c.lang.Code == Default {
		return f.Message
	}
	key := "msg.not_stated"
	if tmpl != "" {
		key = messageKey(f.RuleID, tmpl)
	}
	english, ok := englishText(key)
	if !ok || !c.Has(key) {
		return f.Message
	}
	filled := make(map[string]string, len(args))
	englishArgs := make(map[string]string, len(args))
	for k, v := range args {
		filled[k] = c.Value(v)
		englishArgs[k] = englishValue(v)
	}
	rendered := Fill(english, englishArgs)
	translated := Fill(c.Raw(key), filled)
	switch {
	case f.Message == rendered:
		return translated
	case strings.HasPrefix(f.Message, rendered):
		if m := gateSuffix.FindStringSubmatch(f.Message[len(rendered):]); m != nil && c.Has("msg.gate_blocking") {
			n, _ := strconv.Atoi(m[1])
			return c.T("msg.gate_blocking", "message", translated, "count", n, "rules", m[2])
		}
	}
	return f.Message
}

// gateSuffix is what engine/gate.go appends to SUST-001's message.
var gateSuffix = regexp.MustCompile(`^ while (\d+) critical or high findings are open without an approved waiver: (.*)$`)

// englishText is key's English text from en.json.
func englishText(key string) (string, bool) {
	_, keys, err := loadBundle()
	if err != nil {
		return "", false
	}
	s, ok := keys[Default][key]
	return s, ok
}

// englishValue prints an argument as the engine's English rendering does.
func englishValue(v any) string {
	s, err := finding.Render("{v}", map[string]any{"v": v})
	if err != nil {
		return fmt.Sprint(v)
	}
	return s
}

// Localize returns a copy of res whose findings and rules read in the
// catalog's language (titles, messages, remediations, descriptions), for
// the formats people read. Machine formats must get res itself.
func (c *Catalog) Localize(res *finding.Result) *finding.Result {
	if res == nil || c.lang.Code == Default {
		return res
	}
	out := *res
	args := make(map[string]map[string]any, len(res.Rules))
	for _, r := range res.Rules {
		args[r.ID] = r.RemediationArgs
	}
	out.Findings = make([]finding.Finding, len(res.Findings))
	for i, f := range res.Findings {
		f.Message = c.Message(&res.Findings[i])
		f.Title = c.translated(titleKey(f.RuleID), f.Title)
		f.Remediation = c.remediation(f.RuleID, f.Remediation, args[f.RuleID])
		out.Findings[i] = f
	}
	out.Rules = make([]finding.Rule, len(res.Rules))
	for i, r := range res.Rules {
		r.Title = c.RuleTitle(r)
		r.Description = c.RuleDescription(r)
		r.Remediation = c.RuleRemediation(r)
		out.Rules[i] = r
	}
	return &out
}
