package report

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ReportPerm is the mode reports are written with.
const ReportPerm os.FileMode = 0o644

// WriteAtomic writes what write produces to path.
//
// A regular file (or a path that does not exist yet) is replaced
// atomically, so readers see the old file or the new one, never a part:
// write streams into a temporary file in the same directory, which is
// synced and renamed over the file; the directory is synced so the rename
// survives a crash. If write fails, the temporary file is removed and the
// file is left as it was. A symbolic link to a regular file keeps being a
// link: its target is replaced.
//
// Anything else (a character device such as /dev/null, a FIFO, a
// terminal, /dev/stdout, or a link to one of them) is written through,
// never replaced: renaming a file over /dev/null as root would turn the
// device into a regular file for every later user.
func WriteAtomic(path string, perm os.FileMode, write func(io.Writer) error) error {
	target, through, err := resolveTarget(path)
	if err != nil {
		return err
	}
	if through {
		return writeThrough(path, write)
	}
	if fi, err := os.Stat(target); err == nil {
		perm = fi.Mode().Perm()
	}
	return replaceAtomically(target, perm, func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 64<<10)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	})
}

// WriteFileAtomic is WriteAtomic for bytes already in memory.
func WriteFileAtomic(path string, data []byte, perm os.FileMode) error {
	return WriteAtomic(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// maxLinkHops bounds how many symbolic links resolveTarget follows, as the
// kernel does (ELOOP).
const maxLinkHops = 40

// resolveTarget follows path's symbolic links to the file a write
// reaches. through is set when that file exists and is not a regular file,
// or when a link goes through /proc or /dev/fd, whose "links" name open
// descriptors (a shell redirection) rather than paths to replace.
func resolveTarget(path string) (target string, through bool, err error) {
	target = path
	for range maxLinkHops {
		if magicDescriptorPath(target) {
			return path, true, nil
		}
		fi, err := os.Lstat(target)
		if errors.Is(err, fs.ErrNotExist) {
			return target, false, nil
		}
		if err != nil {
			return "", false, err
		}
		switch {
		case fi.Mode()&fs.ModeSymlink != 0:
			dest, err := os.Readlink(target)
			if err != nil {
				return "", false, err
			}
			if !filepath.IsAbs(dest) {
				dest = filepath.Join(filepath.Dir(target), dest)
			}
			target = dest
		case fi.IsDir():
			return "", false, fmt.Errorf("%s is a directory", path)
		case fi.Mode().IsRegular():
			return target, false, nil
		default:
			return path, true, nil
		}
	}
	return "", false, fmt.Errorf("%s: too many levels of symbolic links", path)
}

// magicDescriptorPath reports whether p names an open file descriptor
// (Linux /proc/<pid>/fd/N, /proc/self/fd/N, /dev/fd/N) rather than a file.
func magicDescriptorPath(p string) bool {
	p = filepath.ToSlash(filepath.Clean(p))
	return strings.HasPrefix(p, "/proc/") || strings.HasPrefix(p, "/dev/fd/")
}

// writeThrough writes into an existing non-regular file (device, FIFO,
// terminal) without truncating or replacing it.
func writeThrough(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	werr := write(bw)
	if werr == nil {
		werr = bw.Flush()
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	return werr
}
