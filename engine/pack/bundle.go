package pack

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"
	"go.yaml.in/yaml/v3"
)

// BuildOptions tune Build and BuildBuiltin.
type BuildOptions struct {
	// IncludeTests keeps *_test.rego files. A bundle is what a city
	// deploys, so tests are left out by default (as `opa build --ignore
	// '*_test.rego'` does); with them, citygate test --policy BUNDLE runs
	// them.
	IncludeTests bool
}

// Signing signs a bundle as `opa build --signing-key` does.
type Signing struct {
	// Key is a PEM private key (or an HMAC secret), or a file holding one.
	Key string
	// Alg is the JWT algorithm (default RS256).
	Alg string
	// ClaimsFile is a JSON file of extra claims (as opa build --claims-file).
	ClaimsFile string
	// KeyID is the kid the signature names (default "default", the key id
	// `opa run --verification-key-id` and citygate assume).
	KeyID string
}

// Build reads the pack at the root of fsys (dirName names it in messages
// and, without a manifest, gives its name) and returns it as an OPA
// bundle: its Rego at the paths it has in the pack, its data.json or
// data.yaml under citygate/packs/<name>, a .manifest whose revision is
// the pack version (a content hash when it has none), whose roots are
// exactly its packages and data path, and whose metadata.citygate holds
// the pack manifest and its schema fragments. Fixtures (fixtures/) and
// hidden directories are left out.
func Build(fsys fs.FS, dirName string, opts BuildOptions) (*bundle.Bundle, error) {
	// The same reading and checks as --policy DIR: a pack that check would
	// refuse is never bundled.
	p, err := Open(fsys, dirName)
	if err != nil {
		return nil, err
	}
	m := p.Manifest
	if m.Name == "" {
		return nil, fmt.Errorf("%s: the directory name does not make a pack name (a Rego identifier); add a %s with name: <identifier>", dirName, ManifestFile)
	}
	meta := BundleMeta{Pack: m.Name, Version: m.Version, MinCitygate: m.MinCitygate, Description: m.Description}
	if p.ParamsSchema != nil {
		meta.Schemas.Params = p.ParamsSchema
	}
	for _, n := range sortedKeys(p.Extensions) {
		x := p.Extensions[n]
		if meta.Schemas.Extensions == nil {
			meta.Schemas.Extensions = map[string]BundleExtension{}
		}
		meta.Schemas.Extensions[n] = BundleExtension{Schema: x.Schema, Blocks: x.Blocks}
	}
	modules, err := readModules(fsys, dirName, opts, true)
	if err != nil {
		return nil, err
	}
	b := newBundle(modules)
	var extraRoots []string
	if p.Data != nil {
		b.Data = map[string]any{"citygate": map[string]any{"packs": map[string]any{m.Name: p.Data}}}
		extraRoots = append(extraRoots, DataRoot(m.Name))
	}
	return b, finish(b, meta, extraRoots)
}

// BuildBuiltin exports the built-in library (policies.FS): lib, rules,
// gates and params.json at data.citygate.params, so the rules run in a
// plain OPA. The evaluation date, data.citygate.as_of, is not in the
// bundle: it changes every run, and the OPA user supplies it (see
// docs/writing-policies.md, "Packs").
func BuildBuiltin(fsys fs.FS, version string, opts BuildOptions) (*bundle.Bundle, error) {
	modules, err := readModules(fsys, "policies", opts, false)
	if err != nil {
		return nil, err
	}
	raw, err := fs.ReadFile(fsys, "params.json")
	if err != nil {
		return nil, fmt.Errorf("policies/params.json: %w", err)
	}
	var params any
	if err := json.Unmarshal(raw, &params); err != nil {
		return nil, fmt.Errorf("policies/params.json: %w", err)
	}
	b := newBundle(modules)
	b.Data = map[string]any{"citygate": map[string]any{"params": params}}
	meta := BundleMeta{Pack: "citygate", Version: version, MinCitygate: version, Description: "The citygate built-in rule library", Builtin: true}
	return b, finish(b, meta, []string{"citygate/params"})
}

// Write writes b as a gzipped tarball: the same bundle gives the same
// bytes (OPA's writer sets no modification times; entries are in path
// order). With signing, .signatures.json is added as opa build does.
func Write(w io.Writer, b *bundle.Bundle, signing *Signing) error {
	if signing != nil {
		keyID := signing.KeyID
		if keyID == "" {
			keyID = "default"
		}
		cfg := bundle.NewSigningConfig(signing.Key, signing.Alg, signing.ClaimsFile)
		if err := b.GenerateSignature(cfg, keyID, true); err != nil {
			return fmt.Errorf("signing the bundle: %w", err)
		}
	}
	return bundle.NewWriter(w).UseModulePath(true).DisableFormat(true).Write(*b)
}

func newBundle(modules []bundle.ModuleFile) *bundle.Bundle {
	return &bundle.Bundle{Data: map[string]any{}, Modules: modules}
}

// finish sets the manifest: rego_version 1, roots, revision, metadata.
func finish(b *bundle.Bundle, meta BundleMeta, extraRoots []string) error {
	roots := extraRoots
	for _, mf := range b.Modules {
		roots = append(roots, packageRoot(mf.Parsed))
	}
	md, err := meta.toMap()
	if err != nil {
		return err
	}
	b.Manifest.Metadata = map[string]any{MetadataKey: md}
	b.Manifest.SetRegoVersion(ast.RegoV1)
	rs := minimalRoots(roots)
	b.Manifest.Roots = &rs
	b.Manifest.Revision = meta.Version
	if b.Manifest.Revision == "" {
		b.Manifest.Revision = contentHash(b)
	}
	return nil
}

// packageRoot is the data path of a module's package: package a.b.c is
// the root a/b/c.
func packageRoot(m *ast.Module) string {
	var segs []string
	for _, t := range m.Package.Path[1:] {
		if s, ok := t.Value.(ast.String); ok {
			segs = append(segs, string(s))
		}
	}
	return strings.Join(segs, "/")
}

// minimalRoots sorts and deduplicates roots and drops any root inside
// another: OPA refuses a manifest whose roots overlap.
func minimalRoots(roots []string) []string {
	sort.Strings(roots)
	var out []string
	for _, r := range roots {
		if len(out) > 0 {
			last := out[len(out)-1]
			if r == last || strings.HasPrefix(r, last+"/") {
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

// contentHash is the revision of a pack without a version: a hash of
// its modules, data and metadata, so equal content gives an equal
// revision.
func contentHash(b *bundle.Bundle) string {
	h := sha256.New()
	for _, mf := range b.Modules {
		fmt.Fprintf(h, "%s\x00%d\x00", mf.Path, len(mf.Raw))
		h.Write(mf.Raw)
	}
	data, _ := json.Marshal(b.Data)
	h.Write(data)
	md, _ := json.Marshal(b.Manifest.Metadata)
	h.Write(md)
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// readModules parses every .rego file of fsys in path order, leaving out
// tests (unless asked), hidden directories and, in a pack, fixtures/.
func readModules(fsys fs.FS, dirName string, opts BuildOptions, isPack bool) ([]bundle.ModuleFile, error) {
	var out []bundle.ModuleFile
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != "." && (strings.HasPrefix(d.Name(), ".") || isPack && p == "fixtures") {
				return fs.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".rego") || !opts.IncludeTests && strings.HasSuffix(p, "_test.rego") {
			return nil
		}
		if !d.Type().IsRegular() {
			return fmt.Errorf("%s: not a regular file", path.Join(dirName, p))
		}
		raw, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		name := path.Join(dirName, p)
		mod, err := ast.ParseModuleWithOpts(name, string(raw), ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true})
		if err != nil {
			return err
		}
		out = append(out, bundle.ModuleFile{URL: "/" + p, Path: "/" + p, RelativePath: p, Raw: raw, Parsed: mod})
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no .rego files to bundle", dirName)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, nil
}

// YAML renders m as a citygate-pack.yaml (for a pack loaded from a bundle).
func (m Manifest) YAML() ([]byte, error) { return yaml.Marshal(m) }
