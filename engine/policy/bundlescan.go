package policy

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
)

// BundleLimits bound what reading one bundle may cost. A bundle is
// untrusted input (a pack downloaded from another city, a vendor): OPA's
// tarball reader holds every file in memory with no bound on their
// number or total, so the tarball is checked against these first.
type BundleLimits struct {
	// Compressed bounds the .tar.gz file; Total the bytes of its files
	// once decompressed (a gzip bomb stops there); File one file; Files
	// the number of entries.
	Compressed, Total, File int64
	Files                   int
}

// DefaultBundleLimits are far above any rule pack (the built-in library,
// 120 rules with tests, is under 2 MB unpacked).
var DefaultBundleLimits = BundleLimits{Compressed: 16 << 20, Total: 64 << 20, File: 8 << 20, Files: 10000}

func (l BundleLimits) orDefault() BundleLimits {
	d := DefaultBundleLimits
	if l.Compressed > 0 {
		d.Compressed = l.Compressed
	}
	if l.Total > 0 {
		d.Total = l.Total
	}
	if l.File > 0 {
		d.File = l.File
	}
	if l.Files > 0 {
		d.Files = l.Files
	}
	return d
}

// scanTarball checks a bundle before OPA reads it: gzip, then tar; only
// regular files and directories; every name inside the bundle (no "..",
// no absolute path once the leading / OPA writes is dropped, no
// backslash, no name twice); and the limits. It reports whether the
// bundle holds a .signatures.json.
func scanTarball(raw []byte, lim BundleLimits) (signed bool, err error) {
	gz, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return false, fmt.Errorf("not a gzip-compressed tarball (an OPA bundle is a .tar.gz): %w", err)
	}
	// The decompressed stream holds the files and a 512-byte header (or
	// a few, for long names) per entry.
	stream := &io.LimitedReader{R: gz, N: lim.Total + int64(lim.Files+1)*2048}
	tr := tar.NewReader(stream)
	seen := map[string]bool{}
	var total int64
	for n := 0; ; n++ {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return signed, nil
		}
		if err != nil {
			if stream.N <= 0 {
				return false, fmt.Errorf("it expands to more than %d bytes", lim.Total)
			}
			return false, fmt.Errorf("not a valid tarball: %w", err)
		}
		if n >= lim.Files {
			return false, fmt.Errorf("more than %d entries", lim.Files)
		}
		name, err := entryName(hdr)
		if err != nil {
			return false, err
		}
		if hdr.Typeflag == tar.TypeDir {
			continue
		}
		if seen[name] {
			return false, fmt.Errorf("entry %q appears twice (a later copy would silently replace the first)", name)
		}
		seen[name] = true
		if hdr.Size > lim.File {
			return false, fmt.Errorf("entry %q is %d bytes, more than the %d a bundle file may have", name, hdr.Size, lim.File)
		}
		if total += hdr.Size; total > lim.Total {
			return false, fmt.Errorf("it expands to more than %d bytes", lim.Total)
		}
		if _, err := io.Copy(io.Discard, tr); err != nil {
			if stream.N <= 0 {
				return false, fmt.Errorf("it expands to more than %d bytes", lim.Total)
			}
			return false, fmt.Errorf("entry %q: %w", name, err)
		}
		if name == ".signatures.json" {
			signed = true
		}
	}
}

// entryName checks one entry's type and name and returns the name
// relative to the bundle root.
func entryName(hdr *tar.Header) (string, error) {
	switch hdr.Typeflag {
	case tar.TypeReg, tar.TypeDir:
	default:
		return "", fmt.Errorf("entry %q is not a regular file or directory (type %q): a bundle holds files only", hdr.Name, hdr.Typeflag)
	}
	name := strings.TrimPrefix(hdr.Name, "/")
	for strings.HasPrefix(name, "./") {
		name = strings.TrimPrefix(name, "./")
	}
	name = strings.TrimSuffix(name, "/")
	if hdr.Typeflag == tar.TypeDir && (name == "" || name == ".") {
		return ".", nil
	}
	if strings.Contains(name, "\\") || !fs.ValidPath(name) {
		return "", fmt.Errorf("entry %q has an unsafe path: names must stay inside the bundle (no .., no absolute path, no backslash)", hdr.Name)
	}
	return name, nil
}
