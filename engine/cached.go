package engine

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime/debug"
	"sync"

	"github.com/citygate/citygate/engine/cache"
	"github.com/citygate/citygate/engine/inventory"
)

// WithCache stores the evaluation of each inventory in c and reuses it
// when a later run sees the same inventory under the same policies,
// params, as-of date, profiles, limits and citygate build: such an
// inventory is read and hashed, not loaded or evaluated. Waivers in the
// inventory are part of what is cached; the baseline and --fail-on are
// applied after, so changing them keeps the cache warm.
//
// Only inventories that loaded and evaluated without any error are
// stored: a load error is cheap to find again, and an evaluation error
// (a deadline, an unreadable file, a panic) may not happen next time.
// An engine with a custom Loader (a tender's bids, read inside the
// city's context) does not cache: its input is more than the bytes.
func WithCache(c cache.Cache) Option { return func(e *Engine) { e.cache = c } }

// cacheFormat is the version of the payload encoding (cachecodec.go).
// It is part of every key: bump it when the encoding or the outcome
// changes, and old entries are simply never looked up again.
const cacheFormat = 2

// prepareCache computes the part of every key that is the same for each
// inventory of a run, or turns the cache off where it cannot be keyed.
func (e *Engine) prepareCache() {
	if e.cache == nil {
		return
	}
	var digest [32]byte
	if e.lib != nil {
		digest = e.lib.Digest()
	}
	if e.loader != nil || digest == ([32]byte{}) {
		e.cache = nil
		return
	}
	l := e.limits.WithDefaults()
	kb := cache.NewKey("citygate inventory outcome").
		Int(cacheFormat).String(Version).String(buildIdentity()).
		Bytes(digest[:]).
		String(e.asOf).
		Strings(e.profilesAdd).Strings(e.profilesRemove).
		Int(int(l.MaxFileSize)).Int(l.MaxFiles).Int(l.MaxDepth).Int(l.MaxStringLength).
		// The evaluators agree (TestEvaluatorsAgree), but an entry is only
		// ever read by the evaluator that wrote it.
		String(string(e.evaluator))
	// Per-rule overrides change findings and evidence: each one, in order.
	kb.Int(len(e.overrides))
	for _, o := range e.overrides {
		kb.String(o.RuleID).String(string(o.Severity)).Int(boolInt(o.Disabled)).Strings(o.Paths)
	}
	e.cacheBase = kb.Sum()
}

// buildIdentity tells builds of citygate apart beyond Version: the VCS
// revision the binary was built from, whether the tree was modified, and
// the executable's size and modification time, so a rebuilt development
// binary never reads entries a different build wrote.
var buildIdentity = sync.OnceValue(func() string {
	id := ""
	if bi, ok := debug.ReadBuildInfo(); ok {
		id = bi.GoVersion + " " + bi.Main.Version
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" || s.Key == "vcs.modified" || s.Key == "vcs.time" {
				id += " " + s.Key + "=" + s.Value
			}
		}
	}
	if exe, err := os.Executable(); err == nil {
		if fi, err := os.Stat(exe); err == nil {
			id += fmt.Sprintf(" exe=%d@%d", fi.Size(), fi.ModTime().UnixNano())
		}
	}
	return id
})

// checkCached is evaluateOne through the cache: a verified entry for the
// inventory's key is decoded instead of loading and evaluating; otherwise
// the inventory is evaluated and, when the outcome is complete and the
// files loaded are those hashed, stored.
func (e *Engine) checkCached(ctx context.Context, path string) outcome {
	if e.cache == nil {
		out, _ := e.evaluateOne(ctx, path)
		return out
	}
	key, read, ok := e.inventoryKey(path)
	if ok {
		if payload, hit := e.cache.Get(key); hit {
			out, err := decodeOutcome(payload, path)
			if err == nil {
				return out
			}
		}
	}
	out, inv := e.evaluateOne(ctx, path)
	if ok && ctx.Err() == nil && len(out.errors) == 0 && out.inventory.Loaded && sameFiles(inv, read) {
		if payload, err := encodeOutcome(&out); err == nil {
			_ = e.cache.Put(key, payload) // a cache that cannot be written only costs time
		}
	}
	return out
}

// inventoryKey digests one inventory: the run's base key, the path as
// given (findings name files by it), and each file's name and bytes in
// the order loading reads them. It returns the bytes read, by name. No
// key when the files cannot be listed or read within the limits: loading
// then reports why, and that outcome is not cached.
func (e *Engine) inventoryKey(path string) (cache.Key, map[string][]byte, bool) {
	limits := e.limits.WithDefaults()
	files, diags := inventory.List(e.fsys, path, limits)
	if diags.HasErrors() {
		return cache.Key{}, nil, false
	}
	kb := cache.NewKey("inventory").Bytes(e.cacheBase[:]).String(path).Int(len(files))
	read := make(map[string][]byte, len(files))
	for _, name := range files {
		b, err := readUpTo(e.fsys, name, limits.MaxFileSize)
		if err != nil {
			return cache.Key{}, nil, false
		}
		read[name] = b
		kb.String(name).Bytes(b)
	}
	return kb.Sum(), read, true
}

// readUpTo reads a file, failing when it is larger than limit. The buffer
// is sized from the file's size, so the usual file is read in one call.
func readUpTo(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := int64(512)
	if fi, err := f.Stat(); err == nil && fi.Size() >= 0 && fi.Size() <= limit {
		size = fi.Size() + 1 // one more byte sees the end of file
	}
	b := make([]byte, 0, size)
	for {
		n, err := f.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if int64(len(b)) > limit {
			break
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%s is larger than %d bytes", name, limit)
	}
	return b, nil
}

// sameFiles reports whether inv was loaded from exactly the files and
// bytes that were hashed: a file changed, added or removed in between
// would otherwise be stored under the key of other bytes.
func sameFiles(inv *inventory.Inventory, read map[string][]byte) bool {
	if inv == nil || len(inv.Files) != len(read) {
		return false
	}
	for name, b := range read {
		f := inv.Files[name]
		if f == nil || !bytes.Equal(f.Bytes, b) {
			return false
		}
	}
	return true
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
