package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/engine/report"
)

func newFmtCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "fmt [--check] [PATH...]",
		Short: "Format Rego policies (OPA's formatter, Rego v1) and HCL inventories (hclwrite)",
		Long: `fmt rewrites every *.rego file with OPA's formatter (as opa fmt does, Rego v1)
and every *.hcl file with hclwrite's canonical layout (as terraform fmt does),
and lists the files it changed. A PATH is a file or a directory, searched
recursively; hidden directories and symbolic links inside it are skipped, and
*.hcl.json files are left as they are. With no PATH, the current directory.

Files are replaced atomically and keep their permissions. A file that does
not parse is reported with file, line and column and left untouched.

--check writes nothing: it lists the files that would change.

Exit codes: 0 everything formatted (or already was); 1 with --check, some
file would change; 2 a file could not be read or parsed.`,
		Example: `  citygate fmt
  citygate fmt policies/ inventory/
  citygate fmt --check .`,
		RunE: runFmt,
	}
	cmd.Flags().Bool("check", false, "write nothing; list the files that would change and exit 1 if there are any")
	return cmd
}

func runFmt(cmd *cobra.Command, args []string) error {
	cfg, err := loadConfig(cmd)
	if err != nil {
		return err
	}
	check, _ := cmd.Flags().GetBool("check")
	if len(args) == 0 {
		args = []string{"."}
	}
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	printErr := func(err error) {
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintf(stderr, "Error: %s\n", report.SafeText(line))
		}
	}
	files, failed := fmtFiles(args, printErr)
	limits := cfg.Limits.WithDefaults()
	changed := 0
	for _, f := range files {
		src, out, err := formatFile(f, limits)
		if err != nil {
			printErr(err)
			failed++
			continue
		}
		if bytes.Equal(src, out) {
			continue
		}
		changed++
		if !check {
			if err := writeFormatted(f, out); err != nil {
				printErr(fmt.Errorf("writing %s: %w", f, err))
				failed++
				continue
			}
		}
		fmt.Fprintln(stdout, report.SafeText(f))
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "\n%d file(s) could not be formatted.\n", failed)
		return exitCode(exitError)
	}
	if check && changed > 0 {
		fmt.Fprintf(stderr, "%d file(s) are not formatted; run citygate fmt to rewrite them.\n", changed)
		return exitCode(exitFindings)
	}
	return nil
}

// fmtKind says which formatter a file name calls for, "" for none.
func fmtKind(name string) string {
	switch {
	case strings.HasSuffix(name, ".rego"):
		return "rego"
	case strings.HasSuffix(name, ".hcl"):
		return "hcl"
	}
	return ""
}

// fmtFiles expands the PATH arguments into the files to format, sorted and
// without duplicates; each problem is reported and counted.
func fmtFiles(paths []string, problem func(error)) ([]string, int) {
	seen := map[string]bool{}
	var files []string
	failed := 0
	add := func(f string) {
		if !seen[f] {
			seen[f] = true
			files = append(files, f)
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			problem(err)
			failed++
			continue
		}
		if !info.IsDir() {
			if fmtKind(p) == "" {
				problem(fmt.Errorf("%s: citygate fmt formats *.rego and *.hcl files", p))
				failed++
				continue
			}
			add(filepath.Clean(p))
			continue
		}
		root := p
		if li, err := os.Lstat(p); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			// A link given as the PATH is followed; links inside it are not.
			root = strings.TrimSuffix(p, string(filepath.Separator)) + string(filepath.Separator)
		}
		err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				problem(err)
				failed++
				return nil
			}
			if d.IsDir() {
				if path != root && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && fmtKind(path) != "" {
				add(path)
			}
			return nil
		})
		if err != nil {
			problem(err)
			failed++
		}
	}
	sort.Strings(files)
	return files, failed
}

// formatFile returns a file's content and its formatted form.
func formatFile(name string, limits inventory.Limits) (src, out []byte, err error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, nil, err
	}
	if info.Size() > limits.MaxFileSize {
		return nil, nil, fmt.Errorf("%s: %d bytes, larger than limits.max_file_size (%d)", name, info.Size(), limits.MaxFileSize)
	}
	src, err = os.ReadFile(name)
	if err != nil {
		return nil, nil, err
	}
	switch fmtKind(name) {
	case "rego":
		out, err = formatRego(name, src)
	default:
		out, err = formatHCL(name, src, limits)
	}
	return src, out, err
}

// formatRego formats a module as opa fmt does for Rego v1.
func formatRego(name string, src []byte) ([]byte, error) {
	out, err := format.SourceWithOpts(name, src, format.Opts{RegoVersion: ast.RegoV1})
	if err == nil {
		return out, nil
	}
	var aerrs ast.Errors
	if errors.As(err, &aerrs) && len(aerrs) > 0 {
		lines := make([]string, len(aerrs))
		for i, e := range aerrs {
			lines[i] = regoErrorLine(name, e)
		}
		return nil, errors.New(strings.Join(lines, "\n"))
	}
	var aerr *ast.Error
	if errors.As(err, &aerr) {
		return nil, errors.New(regoErrorLine(name, aerr))
	}
	return nil, fmt.Errorf("%s: %w", name, err)
}

// regoErrorLine is an OPA parse error as file:line:column: message, with
// columns 1-based as everywhere else in citygate: OPA reports the end of
// the file at column 0 of the line after the last ("unexpected eof
// token"), which is column 1 of that line. An error with no line (an
// empty module) names the file only.
func regoErrorLine(name string, e *ast.Error) string {
	loc := e.Location
	switch {
	case loc == nil || loc.Row < 1:
		return fmt.Sprintf("%s: %s", name, e.Message)
	case loc.Col < 1:
		return fmt.Sprintf("%s:%d:1: %s", loc.File, loc.Row, e.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s", loc.File, loc.Row, loc.Col, e.Message)
}

// formatHCL parses the file first, so that a syntax error is reported at
// its line rather than formatted into something else, after the loader's
// precheck, since hcl's parser is recursive and the file may be hostile.
func formatHCL(name string, src []byte, limits inventory.Limits) ([]byte, error) {
	if diags := inventory.Precheck(src, name, limits); diags.HasErrors() {
		return nil, errors.New(strings.Join(inventory.ErrorLines(diags), "\n"))
	}
	if _, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos); diags.HasErrors() {
		return nil, errors.New(strings.Join(inventory.ErrorLines(diags), "\n"))
	}
	return hclwrite.Format(src), nil
}

// writeFormatted replaces a file atomically, keeping its permissions, and
// writes through a symbolic link given on the command line to its target.
// The new file is created under the umask, which may drop bits the old
// one had (a group-writable file under umask 022), so its mode is set
// again afterwards; the umask only ever removes bits, so the file is
// never more open than before, even for a moment.
func writeFormatted(name string, data []byte) error {
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return err
	}
	info, err := os.Stat(target)
	if err != nil {
		return err
	}
	if err := report.WriteFileAtomic(target, data, info.Mode().Perm()); err != nil {
		return err
	}
	return os.Chmod(target, info.Mode().Perm())
}
