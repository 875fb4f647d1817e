package cache

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPutGet(t *testing.T) {
	d, err := Open(t.TempDir())
	require.NoError(t, err)
	k := NewKey("t").String("a").Sum()
	_, ok := d.Get(k)
	assert.False(t, ok)
	require.NoError(t, d.Put(k, []byte("payload")))
	got, ok := d.Get(k)
	require.True(t, ok)
	assert.Equal(t, "payload", string(got))
	require.NoError(t, d.Put(k, []byte("second")))
	got, _ = d.Get(k)
	assert.Equal(t, "second", string(got), "Put replaces")
	assert.Equal(t, Stats{Hits: 2, Misses: 1, Stored: 2}, d.Stats())
}

func TestKeysAreLengthPrefixed(t *testing.T) {
	assert.NotEqual(t, NewKey("t").String("ab").String("c").Sum(), NewKey("t").String("a").String("bc").Sum())
	assert.NotEqual(t, NewKey("t").Strings([]string{"a"}).Strings(nil).Sum(), NewKey("t").Strings(nil).Strings([]string{"a"}).Sum())
	assert.NotEqual(t, NewKey("t").Sum(), NewKey("u").Sum())
}

// TestVerifyRefusesDamagedEntries: every truncation, every flipped bit of
// an entry, and an entry of another key read as misses.
func TestVerifyRefusesDamagedEntries(t *testing.T) {
	k := NewKey("t").String("a").Sum()
	entry := Encode(k, []byte("some payload"))
	got, ok := Verify(k, entry)
	require.True(t, ok)
	assert.Equal(t, "some payload", string(got))
	for i := range entry {
		_, ok := Verify(k, entry[:i])
		assert.False(t, ok, "truncated at %d", i)
		for bit := range 8 {
			b := bytes.Clone(entry)
			b[i] ^= 1 << bit
			_, ok := Verify(k, b)
			assert.False(t, ok, "byte %d bit %d", i, bit)
		}
	}
	_, ok = Verify(NewKey("t").String("b").Sum(), entry)
	assert.False(t, ok, "another key")
	_, ok = Verify(k, append(bytes.Clone(entry), 0))
	assert.False(t, ok, "trailing bytes")
}

func TestGetRefusesNonRegularFiles(t *testing.T) {
	d, err := Open(t.TempDir())
	require.NoError(t, err)
	k := NewKey("t").Sum()
	require.NoError(t, os.MkdirAll(d.path(k), 0o755))
	_, ok := d.Get(k)
	assert.False(t, ok)
	assert.Error(t, d.Put(k, []byte("x")), "a directory in the way is not replaced")
	assert.Equal(t, int64(1), d.Stats().Failed)
}

// TestConcurrentPutGet: writers and readers of the same keys in one
// directory never see a partial entry. Run with -race.
func TestConcurrentPutGet(t *testing.T) {
	dir := t.TempDir()
	var wg sync.WaitGroup
	for w := range 4 {
		d, err := Open(dir)
		require.NoError(t, err)
		wg.Go(func() {
			for i := range 200 {
				k := NewKey("t").Int(i % 7).Sum()
				payload := bytes.Repeat([]byte(fmt.Sprint(i%7)), 1000+i%7)
				if w%2 == 0 {
					assert.NoError(t, d.Put(k, payload))
					continue
				}
				if got, ok := d.Get(k); ok {
					assert.Equal(t, payload, got)
				}
			}
		})
	}
	wg.Wait()
	tmp, err := filepath.Glob(filepath.Join(dir, layout, "*", ".tmp-*"))
	require.NoError(t, err)
	assert.Empty(t, tmp)
}
