package schemadoc

import (
	"encoding/json"
	"fmt"
	"strings"
)

// ParamsMarkdown renders the params schema (policies/params.schema.json)
// as docs/params.md: every built-in parameter with its type, default and
// description, how to override them, and how packs add their own.
func ParamsMarkdown(schema []byte) (string, error) {
	var root map[string]any
	if err := json.Unmarshal(schema, &root); err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("# Parameters\n\n")
	b.WriteString("<!-- Generated from policies/params.schema.json by `citygate schema params -f markdown`; do not edit. -->\n\n")
	fmt.Fprintf(&b, "%s\n\n", str(root["description"]))
	b.WriteString(paramsIntro)
	b.WriteString("| Parameter | Type | Default | Description |\n|---|---|---|---|\n")
	props := obj(root["properties"])
	names := sortedNames(props)
	for _, name := range names {
		writeParam(&b, name, obj(props[name]))
	}
	b.WriteString("\n")
	b.WriteString(paramsCustom)
	return b.String(), nil
}

func writeParam(b *strings.Builder, name string, p map[string]any) {
	fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", name, paramType(p), defaultOf(p), cell(str(p["description"])+paramLimits(p)))
	sub := obj(p["properties"])
	for _, k := range sortedNames(sub) {
		writeParam(b, name+"."+k, obj(sub[k]))
	}
}

func paramType(p map[string]any) string {
	switch p["type"] {
	case "array":
		return "list of " + str(obj(p["items"])["type"]) + "s"
	case "object":
		if ap := obj(p["additionalProperties"]); ap != nil {
			return "map of " + paramType(ap)
		}
		return "map"
	}
	return str(p["type"])
}

func paramLimits(p map[string]any) string {
	if v, ok := p["minimum"]; ok {
		return fmt.Sprintf(" Minimum %v.", v)
	}
	return ""
}

// defaultOf renders a default compactly: lists inline, maps of lists by
// key with their sizes (the region groups would fill the page).
func defaultOf(p map[string]any) string {
	d, ok := p["default"]
	if !ok {
		return "—"
	}
	switch v := d.(type) {
	case map[string]any:
		if len(obj(p["properties"])) > 0 {
			return "see below"
		}
		var parts []string
		for _, k := range sortedNames(v) {
			if l, isList := v[k].([]any); isList {
				parts = append(parts, fmt.Sprintf("`%s` (%d)", k, len(l)))
			} else {
				parts = append(parts, fmt.Sprintf("`%s`: `%v`", k, v[k]))
			}
		}
		return strings.Join(parts, ", ")
	case []any:
		items := make([]string, len(v))
		for i, x := range v {
			items[i] = fmt.Sprintf("`%v`", x)
		}
		return strings.Join(items, ", ")
	case string:
		return fmt.Sprintf("`%q`", v)
	}
	return fmt.Sprintf("`%v`", d)
}

const paramsIntro = "Set them in `.citygate.yaml`:\n\n" +
	"```yaml\nparams:\n  pia_max_age_months: 36\n  retention_max_days:\n    video: 14      # the other kinds keep their defaults\n```\n\n" +
	"or, one at a time, in the environment: `CITYGATE_PARAMS_<NAME>` with NAME in upper case and the value read as YAML " +
	"(`CITYGATE_PARAMS_PIA_MAX_AGE_MONTHS=36`, `CITYGATE_PARAMS_RETENTION_MAX_DAYS='{video: 14}'`); the environment wins over the file. " +
	"An unknown name or a value of another type is an error naming the key (with a did-you-mean), never a silently kept default. " +
	"A nested map keeps the defaults of the keys an override leaves out. " +
	"Rules read them as `data.citygate.params.<name>` (`lib.params.<name>`); Rego unit tests of the built-in rules always run with these defaults.\n\n"

const paramsCustom = "## Custom params of policy packs\n\n" +
	"`params.custom` is reserved for policy packs (see Extensions in docs/writing-policies.md). " +
	"A pack whose `citygate-pack.yaml` names a `params_schema` (a JSON Schema of an object) takes its params from " +
	"`params: {custom: {<pack name>: {...}}}` in `.citygate.yaml` (or `CITYGATE_PARAMS_CUSTOM='{<pack name>: {...}}'`), " +
	"and its rules read them as `data.citygate.params.custom.<pack name>.<param>`. " +
	"The schema's property `default`s fill in what the config leaves out; the values are validated against the schema, " +
	"and a property it does not declare is an error (the schema is closed unless it says `additionalProperties`). " +
	"Errors name the key: `unknown parameter params.custom.lisboa.home_contry (did you mean home_country?)`. " +
	"`params.custom.<name>` for a pack that is not loaded is an error that lists the loaded packs.\n"
