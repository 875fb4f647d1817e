package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/pack"
	"github.com/citygate/citygate/engine/policy"
	"github.com/citygate/citygate/engine/report"
	"github.com/citygate/citygate/policies"
)

func newBundleCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "bundle",
		Short: "Build policy packs as OPA bundles",
	}
	cmd.AddCommand(newBundleBuildCmd())
	return cmd
}

func newBundleBuildCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "build DIR -o FILE",
		Short: "Write a policy pack (or, with --builtin, the built-in library) as an OPA bundle",
		Long: `bundle build writes the pack in DIR as a standard OPA bundle (.tar.gz): its
Rego (tests left out unless --include-tests; fixtures/ always left out), its
data.json or data.yaml under data.citygate.packs.<name>, and a .manifest whose
revision is the pack's version (a sha256 content hash when it has none), whose
roots are exactly the pack's packages and data path, and whose
metadata.citygate holds the pack manifest and its schema fragments, so the
bundle is self-contained. check --policy FILE loads it like the directory.
A pack that check --policy DIR would refuse (a type error, a broken rule
contract) is refused here too, with the same located errors.

--builtin exports the built-in library (rules, gates, lib, params) instead,
for a plain OPA. The same input gives the same bytes.

--signing-key signs the bundle as opa build does (.signatures.json, a JWT
over every file's SHA-256); check --policy FILE --verification-key KEY then
refuses it unless the signature verifies.`,
		Example: `  citygate bundle build fixtures/custom-policy -o pack.tar.gz
  citygate bundle build my-pack -o pack.tar.gz --signing-key private.pem
  citygate bundle build --builtin -o citygate.tar.gz`,
		Args: cobra.MaximumNArgs(1),
		RunE: runBundleBuild,
	}
	f := cmd.Flags()
	f.StringP("output", "o", "", "the bundle file to write (required; written atomically)")
	f.Bool("builtin", false, "export the built-in library instead of a pack directory")
	f.Bool("include-tests", false, "keep the *_test.rego files (left out by default)")
	f.String("signing-key", "", "sign with this PEM private key file (or HMAC secret), as opa build --signing-key")
	f.String("signing-alg", "RS256", "the signing algorithm (RS256, RS512, ES256, PS256, HS256, ...)")
	f.String("signing-key-id", "default", "the key id (kid) the signature names")
	f.String("claims-file", "", "a JSON file of extra claims for the signature (as opa build --claims-file)")
	return cmd
}

func runBundleBuild(cmd *cobra.Command, args []string) error {
	f := cmd.Flags()
	out, _ := f.GetString("output")
	builtin, _ := f.GetBool("builtin")
	tests, _ := f.GetBool("include-tests")
	switch {
	case out == "" || out == "-":
		return bundleUsage(cmd, "bundle build needs -o FILE: a bundle is a binary tarball, not for a terminal")
	case builtin && len(args) > 0:
		return bundleUsage(cmd, "give either DIR or --builtin, not both")
	case !builtin && len(args) == 0:
		return bundleUsage(cmd, "give the pack directory to build (or --builtin)")
	}
	opts := pack.BuildOptions{IncludeTests: tests}
	var err error
	var b *bundle.Bundle
	if builtin {
		b, err = pack.BuildBuiltin(policies.FS, engine.Version, opts)
	} else {
		dir := filepath.Clean(args[0])
		if info, serr := os.Stat(dir); serr != nil || !info.IsDir() {
			return bundleUsage(cmd, fmt.Sprintf("%s is not a directory: give the pack's directory", args[0]))
		}
		// A pack check would refuse is not worth shipping: load it as
		// --policy does, and stop on the first problem, located.
		if _, errs := policy.Load([]policy.Source{policy.Builtin(), policy.Dir(dir)}, policy.Options{}); len(errs) > 0 {
			w := cmd.ErrOrStderr()
			for _, e := range errs {
				fmt.Fprintf(w, "Error: %s\n", e.Error())
			}
			fmt.Fprintf(w, "\n%d policy error(s); no bundle was written.\n", len(errs))
			return exitCode(exitError)
		}
		b, err = pack.Build(os.DirFS(dir), filepath.ToSlash(dir), opts)
	}
	if err != nil {
		fmt.Fprintf(cmd.ErrOrStderr(), "Error: %v\n", err)
		return exitCode(exitError)
	}
	var signing *pack.Signing
	if key, _ := f.GetString("signing-key"); key != "" {
		signing = &pack.Signing{Key: key}
		signing.Alg, _ = f.GetString("signing-alg")
		signing.KeyID, _ = f.GetString("signing-key-id")
		signing.ClaimsFile, _ = f.GetString("claims-file")
		if _, err := os.Stat(key); err != nil {
			return bundleUsage(cmd, fmt.Sprintf("--signing-key: %v", err))
		}
	}
	err = report.WriteAtomic(out, report.ReportPerm, func(w io.Writer) error {
		return pack.Write(w, b, signing)
	})
	if err != nil {
		fmt.Fprintf(cmd.ErrOrStderr(), "Error: %v\n", err)
		return exitCode(exitError)
	}
	if !quiet(cmd) {
		fmt.Fprintf(cmd.ErrOrStderr(), "wrote %s\n", out)
	}
	return nil
}

// usage reports a command-line mistake: exit 2.
func bundleUsage(cmd *cobra.Command, msg string) error {
	fmt.Fprintf(cmd.ErrOrStderr(), "Error: %s\n", msg)
	return exitCode(exitError)
}

// addBundleFlags are the flags that verify a bundle given with --policy.
func addBundleFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.String("verification-key", "", "refuse a --policy bundle unless it is signed and its signature verifies with this PEM public key file (or HMAC secret file)")
	f.String("verification-key-id", "default", "the id of the verification key")
	f.String("verification-alg", "RS256", "the algorithm of the verification key (as opa's --signing-alg)")
	f.String("scope", "", "the scope the bundle's signature must carry")
}

// policySource is the source one --policy entry names: a bundle file
// (.tar.gz, .tgz) or a directory.
func policySource(cmd *cobra.Command, p string) (policy.Source, error) {
	if !policy.IsBundle(p) {
		return policy.Path(p)
	}
	opts := policy.BundleOptions{Version: engine.Version}
	f := cmd.Flags()
	if key, _ := f.GetString("verification-key"); key != "" {
		raw, err := os.ReadFile(key)
		if err != nil {
			return policy.Source{}, fmt.Errorf("--verification-key: %w", err)
		}
		opts.VerificationKey = string(raw)
		opts.VerificationKeyID, _ = f.GetString("verification-key-id")
		opts.VerificationAlg, _ = f.GetString("verification-alg")
		opts.Scope, _ = f.GetString("scope")
	}
	src, info, err := policy.LoadBundle(p, opts)
	if err == nil && info.Signed && !info.Verified && !quiet(cmd) {
		fmt.Fprintf(cmd.ErrOrStderr(), "note: %s is signed, but its signature was not checked: give --verification-key to check it\n", p)
	}
	return src, err
}
