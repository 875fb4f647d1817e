package policy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/citygate/citygate/engine/pack"
)

// BundleOptions say how to read a pack bundle given with --policy.
type BundleOptions struct {
	// Version is the running citygate's version (engine.Version): a bundle
	// whose min_citygate is newer is refused. Required.
	Version string
	// VerificationKey is the PEM public key (or HMAC secret) the bundle's
	// signature must verify with. Empty: the signature is not checked, as
	// `opa eval -b` without --verification-key. Given: an unsigned bundle,
	// a bad signature or a file the signature does not cover is refused.
	VerificationKey string
	// VerificationKeyID is the key's id (default "default", as OPA's).
	VerificationKeyID string
	// VerificationAlg is the signature algorithm (default RS256).
	VerificationAlg string
	// Scope, when set, must equal the signature's scope claim.
	Scope string
	// Limits bound what reading the bundle may cost (zero: the defaults).
	Limits BundleLimits
}

// BundleInfo describes a loaded bundle.
type BundleInfo struct {
	Manifest pack.Manifest
	Revision string
	// Signed: the bundle has a .signatures.json; Verified: it was
	// checked against the verification key.
	Signed, Verified bool
}

// LoadBundle reads a pack bundle (bundle build's .tar.gz) as a policy
// source that behaves like the pack's directory: its Rego at the paths it
// had, its data as data.json, a citygate-pack.yaml and the schema
// fragments rebuilt from the bundle's metadata.citygate. File names in
// messages start with the bundle's path (pack.tar.gz/rules.rego:12).
func LoadBundle(file string, opts BundleOptions) (Source, BundleInfo, error) {
	lim := opts.Limits.orDefault()
	f, err := os.Open(file)
	if err != nil {
		return Source{}, BundleInfo{}, err
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, lim.Compressed+1))
	if err != nil {
		return Source{}, BundleInfo{}, fmt.Errorf("%s: %w", file, err)
	}
	if int64(len(raw)) > lim.Compressed {
		return Source{}, BundleInfo{}, fmt.Errorf("%s: bundle refused: larger than %d bytes", file, lim.Compressed)
	}
	return ReadBundle(filepath.ToSlash(file), raw, opts)
}

// ReadBundle is LoadBundle for a bundle already in memory; name is how
// messages call it.
func ReadBundle(name string, raw []byte, opts BundleOptions) (Source, BundleInfo, error) {
	lim := opts.Limits.orDefault()
	if opts.Version == "" {
		return Source{}, BundleInfo{}, errors.New("policy.ReadBundle: BundleOptions.Version is required")
	}
	signed, err := scanTarball(raw, lim)
	if err != nil {
		return Source{}, BundleInfo{}, fmt.Errorf("%s: bundle refused: %w", name, err)
	}
	r := bundle.NewCustomReader(bundle.NewTarballLoaderWithBaseURL(bytes.NewReader(raw), "")).
		WithRegoVersion(ast.RegoV1).
		WithProcessAnnotations(true).
		WithSizeLimitBytes(lim.File)
	info := BundleInfo{Signed: signed}
	if opts.VerificationKey != "" {
		if !signed {
			return Source{}, BundleInfo{}, fmt.Errorf("%s: bundle refused: a verification key was given but the bundle is not signed (it has no .signatures.json; build it with --signing-key)", name)
		}
		keyID := opts.VerificationKeyID
		if keyID == "" {
			keyID = "default"
		}
		alg := opts.VerificationAlg
		if alg == "" {
			alg = "RS256"
		}
		keys := map[string]*bundle.KeyConfig{keyID: {Key: opts.VerificationKey, Algorithm: alg, Scope: opts.Scope}}
		r = r.WithBundleVerificationConfig(bundle.NewVerificationConfig(keys, keyID, opts.Scope, nil))
		info.Verified = true
	} else {
		r = r.WithSkipBundleVerification(true)
	}
	b, err := r.Read()
	if err != nil {
		if info.Verified {
			return Source{}, BundleInfo{}, fmt.Errorf("%s: bundle refused: signature verification failed: %w", name, err)
		}
		return Source{}, BundleInfo{}, fmt.Errorf("%s: %w", name, err)
	}
	meta, ok, err := pack.ReadBundleMeta(b.Manifest.Metadata)
	switch {
	case err != nil:
		return Source{}, BundleInfo{}, fmt.Errorf("%s: %w", name, err)
	case !ok:
		return Source{}, BundleInfo{}, fmt.Errorf("%s: not a citygate pack: its .manifest has no metadata.citygate (build the pack with `citygate bundle build DIR -o FILE`)", name)
	case meta.Builtin:
		return Source{}, BundleInfo{}, fmt.Errorf("%s: this is the export of citygate's built-in library (bundle build --builtin), for plain OPA; citygate has these rules built in already", name)
	}
	info.Manifest, info.Revision = meta.Manifest(), b.Manifest.Revision
	if !info.Manifest.Supports(opts.Version) {
		return Source{}, BundleInfo{}, fmt.Errorf("%s: pack %s %s needs citygate %s or newer; this is citygate %s: upgrade citygate to use it", name, meta.Pack, meta.Version, meta.MinCitygate, opts.Version)
	}
	fsys, err := packFS(&b, meta)
	if err != nil {
		return Source{}, BundleInfo{}, fmt.Errorf("%s: %w", name, err)
	}
	return Source{FS: fsys, Prefix: name}, info, nil
}

// packFS rebuilds the pack directory a bundle was built from.
func packFS(b *bundle.Bundle, meta pack.BundleMeta) (fstest.MapFS, error) {
	fsys := fstest.MapFS{}
	for _, mf := range b.Modules {
		p := cleanEntry(mf.RelativePath)
		if !strings.HasSuffix(p, ".rego") {
			continue
		}
		fsys[p] = &fstest.MapFile{Data: mf.Raw, Mode: 0o444}
	}
	data, err := packData(b.Data, meta.Pack)
	if err != nil {
		return nil, err
	}
	if data != nil {
		out, err := json.MarshalIndent(data, "", "  ")
		if err != nil {
			return nil, err
		}
		fsys["data.json"] = &fstest.MapFile{Data: out, Mode: 0o444}
	}
	m := meta.Manifest()
	y, err := m.YAML()
	if err != nil {
		return nil, err
	}
	fsys[pack.ManifestFile] = &fstest.MapFile{Data: y, Mode: 0o444}
	add := func(p string, v any) error {
		out, err := json.MarshalIndent(v, "", "  ")
		if err == nil {
			fsys[p] = &fstest.MapFile{Data: out, Mode: 0o444}
		}
		return err
	}
	if meta.Schemas.Params != nil {
		if err := add(pack.ParamsSchemaPath, meta.Schemas.Params); err != nil {
			return nil, err
		}
	}
	for n, x := range meta.Schemas.Extensions {
		if err := add(pack.ExtensionSchemaPath(n), x.Schema); err != nil {
			return nil, err
		}
	}
	return fsys, nil
}

// packData is the pack's own data, data.citygate.packs.<name>. A bundle
// that carries any other data is refused: a pack must not set citygate's
// params, its as-of date or another pack's data.
func packData(data map[string]any, name string) (any, error) {
	var found any
	var walk func(prefix []string, v any) error
	walk = func(prefix []string, v any) error {
		want := []string{"citygate", "packs", name}
		if len(prefix) == len(want) {
			found = v
			return nil
		}
		obj, ok := v.(map[string]any)
		if !ok || len(prefix) > 0 && prefix[len(prefix)-1] != want[len(prefix)-1] {
			return fmt.Errorf("bundle data at data.%s is outside the pack's data.citygate.packs.%s; a pack can set only its own data", strings.Join(prefix, "."), name)
		}
		for k, x := range obj {
			if k != want[len(prefix)] {
				return fmt.Errorf("bundle data at data.%s is outside the pack's data.citygate.packs.%s; a pack can set only its own data", strings.Join(append(prefix, k), "."), name)
			}
			if err := walk(append(prefix, k), x); err != nil {
				return err
			}
		}
		return nil
	}
	return found, walk(nil, data)
}

// cleanEntry is a tar entry name relative to the bundle root.
func cleanEntry(name string) string {
	name = strings.TrimPrefix(filepath.ToSlash(name), "/")
	for strings.HasPrefix(name, "./") {
		name = strings.TrimPrefix(name, "./")
	}
	return path.Clean(name)
}

// IsBundle reports whether a --policy path names a bundle rather than a
// directory: a regular file named *.tar.gz or *.tgz.
func IsBundle(p string) bool {
	if !strings.HasSuffix(p, ".tar.gz") && !strings.HasSuffix(p, ".tgz") {
		return false
	}
	info, err := os.Stat(p)
	return err == nil && info.Mode().IsRegular()
}
