package pack

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ManifestFile is the name of a pack's manifest in its root directory.
const ManifestFile = "citygate-pack.yaml"

// Manifest is citygate-pack.yaml.
type Manifest struct {
	// Name names the pack: its params live under params.custom.<Name>
	// (data.citygate.params.custom.<Name>) and its data under
	// data.citygate.packs.<Name>. A Rego identifier: [a-z][a-z0-9_]*.
	Name string `yaml:"name"`
	// Version is the pack's own version (free text, semver advised); it
	// becomes the bundle's revision.
	Version string `yaml:"version"`
	// MinCitygate is the oldest citygate version the pack runs on
	// (MAJOR.MINOR.PATCH); empty means any.
	MinCitygate string `yaml:"min_citygate"`
	Description string `yaml:"description"`
	// ParamsSchema is a path, relative to the pack root, of a JSON Schema
	// for params.custom.<Name>; its properties' defaults are the params'
	// defaults.
	ParamsSchema string `yaml:"params_schema"`
	// Extensions are the extension "NAME" { ... } blocks the pack defines.
	Extensions map[string]Extension `yaml:"extensions"`

	// Declared is false when the pack has no manifest file and this one
	// was made from its directory name.
	Declared bool `yaml:"-"`
}

// Extension declares one extension block.
type Extension struct {
	// Schema is a path, relative to the pack root, of a JSON Schema for
	// the block's body (an object schema).
	Schema string `yaml:"schema"`
	// Blocks are the block types the extension may appear in: city,
	// system (the default, when empty, is both).
	Blocks []string `yaml:"blocks"`
}

// ExtensionBlocks are the block types an extension block may appear in.
var ExtensionBlocks = []string{"city", "system"}

var nameRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
var versionRE = regexp.MustCompile(`^\d+\.\d+\.\d+$`)

// Load reads ManifestFile from the root of fsys. Without one, the pack is
// named after dirName (lower-cased, dashes to underscores) and declares
// nothing else. Errors name the file.
func Load(fsys fs.FS, dirName string) (Manifest, error) {
	b, err := fs.ReadFile(fsys, ManifestFile)
	if errors.Is(err, fs.ErrNotExist) {
		name := strings.ReplaceAll(strings.ToLower(path.Base(strings.TrimRight(dirName, "/"))), "-", "_")
		m := Manifest{Name: name}
		if !nameRE.MatchString(name) {
			m.Name = ""
		}
		return m, nil
	}
	if err != nil {
		return Manifest{}, err
	}
	var m Manifest
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&m); err != nil {
		return Manifest{}, fmt.Errorf("%s: %w", ManifestFile, err)
	}
	m.Declared = true
	return m, m.validate()
}

func (m Manifest) validate() error {
	var problems []string
	if !nameRE.MatchString(m.Name) {
		problems = append(problems, fmt.Sprintf("name %q must be a Rego identifier: lower-case letters, digits and _, starting with a letter", m.Name))
	}
	if m.MinCitygate != "" && !versionRE.MatchString(m.MinCitygate) {
		problems = append(problems, fmt.Sprintf("min_citygate %q must be MAJOR.MINOR.PATCH", m.MinCitygate))
	}
	for _, n := range sortedKeys(m.Extensions) {
		x := m.Extensions[n]
		if !nameRE.MatchString(n) {
			problems = append(problems, fmt.Sprintf("extension name %q must be a Rego identifier", n))
		}
		if x.Schema == "" {
			problems = append(problems, fmt.Sprintf("extension %q needs a schema (a JSON Schema file in the pack)", n))
		}
		for _, b := range x.Blocks {
			if !contains(ExtensionBlocks, b) {
				problems = append(problems, fmt.Sprintf("extension %q: block %q must be one of %s", n, b, strings.Join(ExtensionBlocks, ", ")))
			}
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s: %s", ManifestFile, strings.Join(problems, "; "))
	}
	return nil
}

// BlocksOf are the block types extension n may appear in.
func (x Extension) BlocksOf() []string {
	if len(x.Blocks) == 0 {
		return ExtensionBlocks
	}
	return x.Blocks
}

// Supports reports whether a citygate of version v (MAJOR.MINOR.PATCH)
// may run the pack.
func (m Manifest) Supports(v string) bool {
	if m.MinCitygate == "" {
		return true
	}
	return compareVersions(v, m.MinCitygate) >= 0
}

func compareVersions(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < 3; i++ {
		var x, y int
		if i < len(pa) {
			fmt.Sscanf(pa[i], "%d", &x)
		}
		if i < len(pb) {
			fmt.Sscanf(pb[i], "%d", &y)
		}
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	return 0
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
