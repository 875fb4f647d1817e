package policy

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
)

// Digest identifies what this library evaluates: every production source
// (built-in and --policy, name and bytes, in load order), the effective
// params and the selected rule ids. Two libraries with one digest give
// the same findings on the same input; the engine's cache keys on it.
// It is computed once, by Load; the zero digest means unknown (a library
// not built by Load), and nothing may be cached against it.
func (l *Library) Digest() [sha256.Size]byte { return l.digest }

// digestOf computes Digest. The test modules are left out: they are
// never compiled into the evaluation.
func digestOf(parsed []parsedModule, params map[string]any, rules []string) [sha256.Size]byte {
	h := sha256.New()
	var n [binary.MaxVarintLen64]byte
	put := func(b []byte) {
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(b)))])
		h.Write(b)
	}
	put([]byte("citygate policy library"))
	for _, p := range parsed {
		if p.file.test {
			continue
		}
		put([]byte(p.file.name))
		put(p.file.content)
	}
	// encoding/json sorts map keys, so equal params encode alike.
	b, err := json.Marshal(params)
	if err != nil {
		// Params come from YAML and JSON and always encode; if they did
		// not, no digest is better than a wrong one.
		return [sha256.Size]byte{}
	}
	put(b)
	for _, id := range rules {
		put([]byte(id))
	}
	var out [sha256.Size]byte
	h.Sum(out[:0])
	return out
}
