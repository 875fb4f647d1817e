// Package schemadoc renders the inventory JSON Schema as the language
// reference docs/inventory.md, so the documentation cannot drift from the
// schema the loader validates against and the policy compiler type-checks.
package schemadoc

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Markdown renders the inventory schema as a reference of HCL blocks and
// attributes.
func Markdown(schema []byte) (string, error) {
	var root map[string]any
	if err := json.Unmarshal(schema, &root); err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("# The inventory language\n\n")
	b.WriteString("<!-- Generated from schemas/inventory.schema.json by `citygate schema -f markdown`; do not edit. -->\n\n")
	writeIntro(&b, root, true)
	return b.String(), nil
}

// TenderMarkdown renders the tender schema as the tender file's reference.
func TenderMarkdown(schema []byte) (string, error) {
	var root map[string]any
	if err := json.Unmarshal(schema, &root); err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("# The tender file\n\n")
	b.WriteString("<!-- Generated from schemas/tender.schema.json by `citygate schema tender -f markdown`; do not edit. -->\n\n")
	writeIntro(&b, root, false)
	return b.String(), nil
}

// writeIntro writes what every language built on the loader shares, then
// the blocks.
func writeIntro(b *strings.Builder, root map[string]any, inventory bool) {
	fmt.Fprintf(b, "%s\n\n", str(root["description"]))
	if inventory {
		b.WriteString("An inventory is a file, or a directory with every `*.hcl` and `*.hcl.json` file beneath it. ")
	} else {
		b.WriteString("It is read like an inventory, with the same limits and located errors. ")
	}
	b.WriteString("Values are literals only: strings, numbers, `true`, `false`, `null` (the same as leaving the attribute out), lists `[...]` and objects `{...}`; ")
	b.WriteString("no variables, functions, `for` expressions or `${}` interpolation. Dates are `YYYY-MM-DD`.\n\n")
	if inventory {
		b.WriteString("In the normalized document that policies read as `input`, a labelled block becomes an object in an array carrying its label ")
		b.WriteString("(`system \"cctv\" { ... }` becomes `input.systems[_]` with `id = \"cctv\"`); an unlabelled block becomes an object.\n\n")
	}
	props := obj(root["properties"])
	for _, name := range blockNames(props) {
		writeBlock(b, 2, "", name, obj(props[name]))
	}
}

func writeBlock(b *strings.Builder, level int, parent, docName string, prop map[string]any) {
	hb := obj(prop["x-hcl-block"])
	typ := str(hb["type"])
	label := str(hb["label"])
	body := prop
	if prop["type"] == "array" {
		body = obj(prop["items"])
	}
	header := typ
	if label != "" {
		header = fmt.Sprintf("%s \"<%s>\"", typ, label)
	}
	path := typ
	if parent != "" {
		path = parent + " › " + typ
	}
	fmt.Fprintf(b, "%s %s\n\n", strings.Repeat("#", level), path)
	fmt.Fprintf(b, "`%s { ... }` — %s", header, str(prop["description"]))
	if o := str(prop["x-owner"]); o != "" {
		fmt.Fprintf(b, " Set by: %s.", ownerName(o))
	}
	switch {
	case hb["keyed"] == true:
		fmt.Fprintf(b, " One block per %s; in the document: `%s.<%s>`.", label, docName, label)
	case prop["type"] == "array":
		fmt.Fprintf(b, " Repeatable; in the document: `%s[_]`.", docName)
	default:
		b.WriteString(" At most one.")
	}
	b.WriteString("\n\n")
	if hb["keyed"] == true {
		// The body of a keyed block is the schema of the pack that
		// declares its label; the built-in language declares none.
		for _, name := range sortedNames(obj(body["properties"])) {
			frag := map[string]any{}
			for k, v := range obj(obj(body["properties"])[name]) {
				frag[k] = v
			}
			frag["x-hcl-block"] = map[string]any{"type": fmt.Sprintf("%s %q", typ, name)}
			writeBlock(b, min(level+1, 4), parent, name, frag)
		}
		return
	}
	props := obj(body["properties"])
	required := map[string]bool{}
	for _, r := range list(body["required"]) {
		required[str(r)] = true
	}
	var attrs []string
	for name, p := range props {
		if _, isBlock := obj(p)["x-hcl-block"]; !isBlock && name != label {
			attrs = append(attrs, name)
		}
	}
	sort.Strings(attrs)
	if label != "" {
		fmt.Fprintf(b, "The label is the `%s`: %s\n\n", label, describe(obj(props[label])))
	}
	if len(attrs) > 0 {
		b.WriteString("| Attribute | Type | Set by | Description |\n|---|---|---|---|\n")
		for _, a := range attrs {
			p := obj(props[a])
			desc := str(p["description"])
			if required[a] {
				desc = "**Required.** " + desc
			}
			fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", a, typeOf(p), ownerName(str(p["x-owner"])), cell(desc+constraints(p)))
		}
		b.WriteString("\n")
	}
	for _, name := range blockNames(props) {
		writeBlock(b, min(level+1, 4), path, name, obj(props[name]))
	}
}

func blockNames(props map[string]any) []string {
	var out []string
	for name, p := range props {
		if _, ok := obj(p)["x-hcl-block"]; ok {
			out = append(out, name)
		}
	}
	order := map[string]int{"city": 0, "systems": 1, "zones": 2, "excavations": 3, "waivers": 4}
	sort.Slice(out, func(i, j int) bool {
		oi, iok := order[out[i]]
		oj, jok := order[out[j]]
		if iok && jok {
			return oi < oj
		}
		if iok != jok {
			return iok
		}
		return out[i] < out[j]
	})
	return out
}

func typeOf(p map[string]any) string {
	switch p["type"] {
	case "array":
		items := obj(p["items"])
		if items["type"] == "object" {
			return "list of objects"
		}
		return "list of " + typeOf(items) + "s"
	case "string":
		if p["format"] == "date" {
			return "date"
		}
		if _, ok := p["enum"]; ok {
			return "string (enum)"
		}
		return "string"
	case "integer", "number", "boolean", "object":
		return str(p["type"])
	}
	return "any"
}

// ownerName says who states a field: the city, the vendor (in a bid) or
// either. Tenders keep city-only gaps out of a bid's verdict.
func ownerName(o string) string {
	switch o {
	case "city", "vendor":
		return o
	case "either":
		return "city or vendor"
	}
	return "—"
}

// placeVocabulary is how a field of country codes and region groups is
// described: the full code list would drown the table.
const placeVocabulary = "An ISO 3166-1 alpha-2 country code (`UK` is accepted for `GB`) or a region group (`EU`, `EEA`, members in params `region_groups`), in any case."

func constraints(p map[string]any) string {
	var parts []string
	if str(p["x-normalize"]) == "upper" || str(obj(p["items"])["x-normalize"]) == "upper" {
		return " " + placeVocabulary
	}
	if e := list(p["enum"]); len(e) > 0 {
		parts = append(parts, "One of "+quoted(e)+".")
	}
	if items := obj(p["items"]); len(list(items["enum"])) > 0 {
		parts = append(parts, "Items: one of "+quoted(list(items["enum"]))+".")
	}
	if items := obj(p["items"]); items["type"] == "object" {
		var keys []string
		for k := range obj(items["properties"]) {
			keys = append(keys, "`"+k+"`")
		}
		sort.Strings(keys)
		parts = append(parts, "Keys: "+strings.Join(keys, ", ")+".")
	}
	if v, ok := p["minimum"]; ok {
		parts = append(parts, fmt.Sprintf("Minimum %v.", v))
	}
	if v, ok := p["maximum"]; ok {
		parts = append(parts, fmt.Sprintf("Maximum %v.", v))
	}
	if v, ok := p["default"]; ok {
		parts = append(parts, fmt.Sprintf("Default `%v`.", v))
	}
	if len(parts) == 0 {
		return ""
	}
	return " " + strings.Join(parts, " ")
}

func describe(p map[string]any) string {
	s := str(p["description"])
	if pat := str(p["pattern"]); pat != "" {
		s += fmt.Sprintf(" Must match `%s`.", pat)
	}
	return s
}

func quoted(items []any) string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = fmt.Sprintf("`%v`", it)
	}
	return strings.Join(out, ", ")
}

func cell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }

func obj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func list(v any) []any {
	l, _ := v.([]any)
	return l
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func sortedNames(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
