package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash"
)

// Key is a SHA-256 fingerprint.
type Key [sha256.Size]byte

func (k Key) String() string { return hex.EncodeToString(k[:]) }

// Hasher builds a Key from a sequence of values; each value is written with
// its length, so different sequences never run together.
type Hasher struct {
	h   hash.Hash
	buf []byte
}

// NewHasher starts a key.
func NewHasher() *Hasher { return &Hasher{h: sha256.New()} }

// Reset starts over.
func (h *Hasher) Reset() { h.h.Reset() }

// String adds s.
func (h *Hasher) String(s string) *Hasher {
	h.buf = binary.AppendUvarint(h.buf[:0], uint64(len(s)))
	h.buf = append(h.buf, s...)
	h.h.Write(h.buf)
	return h
}

// Bytes adds b.
func (h *Hasher) Bytes(b []byte) *Hasher {
	h.buf = binary.AppendUvarint(h.buf[:0], uint64(len(b)))
	h.h.Write(h.buf)
	h.h.Write(b)
	return h
}

// Int adds n.
func (h *Hasher) Int(n int64) *Hasher {
	h.buf = binary.AppendVarint(h.buf[:0], n)
	h.h.Write(h.buf)
	return h
}

// Bool adds v.
func (h *Hasher) Bool(v bool) *Hasher {
	if v {
		return h.Int(1)
	}
	return h.Int(0)
}

// Key adds k.
func (h *Hasher) Key(k Key) *Hasher {
	h.h.Write(k[:])
	return h
}

// Sum is the key of everything added.
func (h *Hasher) Sum() Key {
	var k Key
	h.h.Sum(k[:0])
	return k
}

// Sum is the key of data.
func Sum(data []byte) Key { return sha256.Sum256(data) }
