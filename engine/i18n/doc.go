// Package i18n translates what people read in citygate's reports: the UI
// strings of the text, markdown and HTML formats and every built-in rule's
// title, description, remediation and message templates.
//
// Catalogs are go-i18n v2 message files, one JSON file per language under
// policies/i18n/, embedded in the binary. Messages use the rules' own
// {name} placeholders (not go-i18n's {{.Name}} templates), so a translated
// message template is rendered with exactly the arguments the English one
// gets. English is generated from the rules' metadata and never edited by
// hand; a missing translation falls back to English, and the catalog test
// fails on any missing or unknown key or any placeholder mismatch.
//
// Machine formats (JSON, SARIF, JUnit) stay English and carry the template
// id and arguments, so their consumers can translate with these catalogs.
package i18n
