package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
)

// KeyBuilder digests the inputs of a key. Each input is written with its
// length first, so that no two different lists of inputs digest alike
// ("ab","c" and "a","bc" differ).
type KeyBuilder struct {
	h   hash.Hash
	buf [binary.MaxVarintLen64]byte
}

// NewKey starts a key; domain names what is keyed, so that keys of
// different kinds never collide.
func NewKey(domain string) *KeyBuilder {
	b := &KeyBuilder{h: sha256.New()}
	return b.String(domain)
}

// Bytes adds one input.
func (b *KeyBuilder) Bytes(p []byte) *KeyBuilder {
	b.Int(len(p))
	b.h.Write(p)
	return b
}

// String adds one input.
func (b *KeyBuilder) String(s string) *KeyBuilder {
	b.Int(len(s))
	b.h.Write([]byte(s))
	return b
}

// Strings adds a list of inputs, its length first.
func (b *KeyBuilder) Strings(ss []string) *KeyBuilder {
	b.Int(len(ss))
	for _, s := range ss {
		b.String(s)
	}
	return b
}

// Int adds a number.
func (b *KeyBuilder) Int(n int) *KeyBuilder {
	k := binary.PutVarint(b.buf[:], int64(n))
	b.h.Write(b.buf[:k])
	return b
}

// Sum is the key.
func (b *KeyBuilder) Sum() Key {
	var k Key
	b.h.Sum(k[:0])
	return k
}
