package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync/atomic"
)

// Key identifies one entry: a digest of every input of the evaluation it
// holds.
type Key [sha256.Size]byte

// String is the key in hex, as entry file names spell it.
func (k Key) String() string { return hex.EncodeToString(k[:]) }

// Cache stores payloads by key. Implementations are safe for concurrent
// use by several goroutines and, for Dir, several processes.
type Cache interface {
	// Get returns the payload stored under key, or false when there is
	// none or the entry fails verification.
	Get(key Key) ([]byte, bool)
	// Put stores payload under key, replacing any entry. An error means
	// the entry was not stored; the run goes on without it.
	Put(key Key, payload []byte) error
}

// layout is the version of the entry files; a change of the header makes
// a new subdirectory, so an older citygate never reads a newer entry.
const layout = "v1"

// magic starts every entry file.
var magic = [8]byte{'c', 'g', 'c', 'a', 'c', 'h', 'e', '1'}

// headerSize is magic, key, payload length and payload checksum.
const headerSize = len(magic) + sha256.Size + 8 + sha256.Size

// maxPayload bounds what Get reads: an entry claiming more is corrupt.
const maxPayload = 1 << 30

// Dir is a Cache in a directory: one file per entry, named by its key,
// under DIR/v1/<first two hex digits>/.
type Dir struct {
	root string
	// Stats, counted atomically.
	hits, misses, corrupt, stored, failed atomic.Int64
}

// Stats are what a Dir did in one run.
type Stats struct {
	// Hits are entries read and verified; Misses keys with no entry.
	Hits, Misses int64
	// Corrupt are entries that failed verification (read as misses).
	Corrupt int64
	// Stored are entries written; Failed writes that did not happen.
	Stored, Failed int64
}

// Open returns the cache in dir, creating the directory if needed.
func Open(dir string) (*Dir, error) {
	if dir == "" {
		return nil, errors.New("cache: no directory")
	}
	root := filepath.Join(dir, layout)
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("cache directory: %w", err)
	}
	return &Dir{root: root}, nil
}

// Stats counts what this Dir did so far.
func (d *Dir) Stats() Stats {
	return Stats{Hits: d.hits.Load(), Misses: d.misses.Load(), Corrupt: d.corrupt.Load(), Stored: d.stored.Load(), Failed: d.failed.Load()}
}

func (d *Dir) path(key Key) string {
	h := key.String()
	return filepath.Join(d.root, h[:2], h)
}

// Get reads and verifies the entry of key.
func (d *Dir) Get(key Key) ([]byte, bool) {
	b, err := readEntry(d.path(key))
	if err != nil {
		d.misses.Add(1)
		return nil, false
	}
	payload, ok := Verify(key, b)
	if !ok {
		d.corrupt.Add(1)
		return nil, false
	}
	d.hits.Add(1)
	return payload, true
}

// readEntry reads a whole entry file, refusing one too large to be ours.
func readEntry(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() || fi.Size() > int64(headerSize+maxPayload) {
		return nil, fs.ErrInvalid
	}
	b := make([]byte, fi.Size())
	if _, err := io.ReadFull(f, b); err != nil {
		return nil, err
	}
	return b, nil
}

// Put writes the entry of key atomically: a temporary file in the entry's
// directory, renamed over the entry. It is not synced: an entry lost or
// torn by a crash fails verification and is recomputed.
func (d *Dir) Put(key Key, payload []byte) error {
	err := d.put(key, payload)
	if err != nil {
		d.failed.Add(1)
		return err
	}
	d.stored.Add(1)
	return nil
}

func (d *Dir) put(key Key, payload []byte) error {
	path := d.path(key)
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return err
	}
	_, werr := tmp.Write(Encode(key, payload))
	cerr := tmp.Close()
	if werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(tmp.Name(), 0o644)
	}
	if werr == nil {
		werr = os.Rename(tmp.Name(), path)
	}
	if werr != nil {
		os.Remove(tmp.Name())
	}
	return werr
}

// Encode is the entry file of payload under key: magic, key, payload
// length, SHA-256 of the payload, payload.
func Encode(key Key, payload []byte) []byte {
	b := make([]byte, 0, headerSize+len(payload))
	b = append(b, magic[:]...)
	b = append(b, key[:]...)
	b = binary.BigEndian.AppendUint64(b, uint64(len(payload)))
	sum := sha256.Sum256(payload)
	b = append(b, sum[:]...)
	return append(b, payload...)
}

// Verify returns the payload of entry when it is a whole entry for key:
// the magic, the key stored inside, the length and the checksum all match.
func Verify(key Key, entry []byte) ([]byte, bool) {
	if len(entry) < headerSize || !bytes.Equal(entry[:len(magic)], magic[:]) {
		return nil, false
	}
	rest := entry[len(magic):]
	if !bytes.Equal(rest[:sha256.Size], key[:]) {
		return nil, false
	}
	rest = rest[sha256.Size:]
	n := binary.BigEndian.Uint64(rest)
	rest = rest[8:]
	sum, payload := rest[:sha256.Size], rest[sha256.Size:]
	if uint64(len(payload)) != n {
		return nil, false
	}
	if got := sha256.Sum256(payload); !bytes.Equal(got[:], sum) {
		return nil, false
	}
	return payload, true
}
