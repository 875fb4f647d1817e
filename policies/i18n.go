package policies

import "embed"

// I18n holds the translation catalogs, one go-i18n JSON file per language
// (i18n/<lang>.json). en.json is generated from the rules' metadata and the
// engine's UI strings (go test ./engine/i18n -run TestEnglishCatalog -update).
//
//go:embed i18n/*.json
var I18n embed.FS
