package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine/inventory"
	"github.com/citygate/citygate/internal/config"
)

// A portfolio is many inventories checked in one run: the paths given,
// each subdirectory of an --each directory, or the matches of the config
// file's inventories: globs. --shard and --changed-since then narrow it.

func addPortfolioFlags(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringArray("each", nil, "check each subdirectory (and each *.hcl/*.hcl.json file) of DIR as its own inventory (repeatable)")
	f.String("shard", "", "check only shard K of N (K/N): inventories sorted by path, every Nth from the Kth; combine the shards' JSON with citygate merge")
	f.String("changed-since", "", "check only inventories holding a *.hcl/*.hcl.json file that git reports changed since REF (committed, staged, unstaged or untracked)")
}

// selectInventories lists the inventory paths of a run. An empty list
// with a nil error means there is nothing to check, and the user has been
// told why (an empty shard, nothing changed).
func selectInventories(cmd *cobra.Command, cfg config.Config, args []string) ([]string, error) {
	each, _ := cmd.Flags().GetStringArray("each")
	shard, _ := cmd.Flags().GetString("shard")
	since, _ := cmd.Flags().GetString("changed-since")
	paths := append([]string(nil), args...)
	for _, dir := range each {
		sub, err := eachInventory(dir)
		if err != nil {
			return nil, err
		}
		paths = append(paths, sub...)
	}
	sorted := len(each) > 0 || shard != ""
	if len(args) == 0 && len(each) == 0 {
		if len(cfg.Inventories) > 0 {
			var err error
			if paths, err = globInventories(cfg.Inventories); err != nil {
				return nil, err
			}
			sorted = true
		} else {
			paths = []string{"."}
		}
	}
	paths = dedupe(paths)
	if sorted {
		sort.Strings(paths)
	}
	all := len(paths)
	if since != "" {
		var err error
		if paths, err = changedInventories(cmd.Context(), since, paths); err != nil {
			return nil, err
		}
		if len(paths) == 0 {
			note(cmd, "citygate: no inventory has a changed *.hcl or *.hcl.json file since %s (%d inventories); nothing to check.\n", since, all)
			return nil, nil
		}
	}
	if shard != "" {
		k, n, err := parseShard(shard)
		if err != nil {
			return nil, err
		}
		paths = shardOf(paths, k, n)
		if len(paths) == 0 {
			note(cmd, "citygate: shard %d/%d has no inventories (%d in all); nothing to check.\n", k, n, all)
			return nil, nil
		}
	}
	return paths, nil
}

// note prints a status line on stderr unless -q was given.
func note(cmd *cobra.Command, format string, args ...any) {
	if !quiet(cmd) {
		fmt.Fprintf(cmd.ErrOrStderr(), format, args...)
	}
}

// eachInventory lists DIR's subdirectories and inventory files, each one
// inventory; hidden entries and other files (README.md) are left out.
func eachInventory(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("--each %s: %w", dir, err)
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(dir, name)
		if isDir(p) || inventory.IsInventoryFile(name) {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("--each %s: no subdirectory or *.hcl/*.hcl.json file in it, so there is nothing to check", dir)
	}
	return out, nil
}

// globInventories expands the config file's inventories: patterns; each
// directory or inventory file matched is one inventory, other files are
// ignored, and a pattern that matches no inventory is an error (a typo
// must not turn into a pass over nothing).
func globInventories(patterns []string) ([]string, error) {
	var out []string
	for _, pat := range patterns {
		matches, err := filepath.Glob(pat)
		if err != nil {
			return nil, fmt.Errorf("config: inventories: %q: %w", pat, err)
		}
		n := 0
		for _, m := range matches {
			// As in a shell, * does not match a leading dot (.git, .hidden).
			if strings.HasPrefix(filepath.Base(m), ".") && !strings.HasPrefix(filepath.Base(pat), ".") {
				continue
			}
			if isDir(m) || inventory.IsInventoryFile(m) {
				out = append(out, m)
				n++
			}
		}
		if n == 0 {
			return nil, fmt.Errorf("config: inventories: %q matches no directory or *.hcl/*.hcl.json file", pat)
		}
	}
	return out, nil
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

// dedupe drops repeated paths (cities/a and cities/a/), keeping the first.
func dedupe(paths []string) []string {
	seen := map[string]bool{}
	out := paths[:0:0]
	for _, p := range paths {
		c := filepath.Clean(p)
		if seen[c] {
			continue
		}
		seen[c] = true
		out = append(out, p)
	}
	return out
}

// parseShard reads K/N with 1 <= K <= N.
func parseShard(s string) (k, n int, err error) {
	ks, ns, ok := strings.Cut(s, "/")
	k, kerr := strconv.Atoi(strings.TrimSpace(ks))
	n, nerr := strconv.Atoi(strings.TrimSpace(ns))
	if !ok || kerr != nil || nerr != nil || n < 1 || k < 1 || k > n {
		return 0, 0, fmt.Errorf("--shard %q: want K/N with 1 <= K <= N, e.g. --shard 2/4", s)
	}
	return k, n, nil
}

// shardOf keeps every nth path from the kth (1-based) of paths sorted by
// name: deterministic, and shards differ in size by at most one.
func shardOf(paths []string, k, n int) []string {
	sorted := append([]string(nil), paths...)
	sort.Strings(sorted)
	var out []string
	for i, p := range sorted {
		if i%n == k-1 {
			out = append(out, p)
		}
	}
	return out
}

// changedInventories keeps the inventories that hold an inventory file git
// reports as changed since ref: in commits since it, staged, unstaged, or
// untracked and not ignored.
func changedInventories(ctx context.Context, ref string, paths []string) ([]string, error) {
	top, err := git(ctx, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("--changed-since %s: %w", ref, err)
	}
	root := strings.TrimSpace(top)
	diff, err := git(ctx, "diff", "--name-only", "--no-renames", ref, "--")
	if err != nil {
		return nil, fmt.Errorf("--changed-since %s: %w", ref, err)
	}
	untracked, err := git(ctx, "ls-files", "--others", "--exclude-standard", "--full-name", "--", root)
	if err != nil {
		return nil, fmt.Errorf("--changed-since %s: %w", ref, err)
	}
	var changed []string
	for _, line := range strings.Split(diff+"\n"+untracked, "\n") {
		line = strings.TrimSpace(line)
		if line != "" && inventory.IsInventoryFile(line) {
			changed = append(changed, filepath.Join(root, filepath.FromSlash(line)))
		}
	}
	var out []string
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		if real, err := filepath.EvalSymlinks(abs); err == nil {
			abs = real
		}
		for _, c := range changed {
			if c == abs || strings.HasPrefix(c, abs+string(filepath.Separator)) {
				out = append(out, p)
				break
			}
		}
	}
	return out, nil
}

// git runs a git command in the working directory and returns its output.
func git(ctx context.Context, args ...string) (string, error) {
	var stdout, stderr bytes.Buffer
	c := exec.CommandContext(ctx, "git", args...)
	c.Stdout, c.Stderr = &stdout, &stderr
	if err := c.Run(); err != nil {
		return "", fmt.Errorf("git %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}
