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
// its length, so different sequences never run together. Values gather in a
// buffer hashed in one go: a key is mostly a few short strings, and writing
// each to the hash would cost more than hashing it.
type Hasher struct {
	h   hash.Hash // made when the values outgrow buf
	buf []byte
}

// spillAt is how much buf holds before it goes to h.
const spillAt = 4096

// NewHasher starts a key.
func NewHasher() *Hasher { return &Hasher{buf: make([]byte, 0, 512)} }

// Reset starts over.
func (h *Hasher) Reset() {
	h.buf = h.buf[:0]
	if h.h != nil {
		h.h.Reset()
	}
}

// String adds s.
func (h *Hasher) String(s string) *Hasher {
	h.buf = binary.AppendUvarint(h.buf, uint64(len(s)))
	h.buf = append(h.buf, s...)
	return h.spill()
}

// Bytes adds b.
func (h *Hasher) Bytes(b []byte) *Hasher {
	h.buf = binary.AppendUvarint(h.buf, uint64(len(b)))
	if len(b) < spillAt {
		h.buf = append(h.buf, b...)
		return h.spill()
	}
	h.flush()
	h.h.Write(b)
	return h
}

// Int adds n.
func (h *Hasher) Int(n int64) *Hasher {
	h.buf = binary.AppendVarint(h.buf, n)
	return h.spill()
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
	h.buf = append(h.buf, k[:]...)
	return h.spill()
}

// Sum is the key of everything added.
func (h *Hasher) Sum() Key {
	if h.h == nil {
		return sha256.Sum256(h.buf)
	}
	h.flush()
	var k Key
	h.h.Sum(k[:0])
	return k
}

func (h *Hasher) spill() *Hasher {
	if len(h.buf) >= spillAt {
		h.flush()
	}
	return h
}

// flush moves buf into h.
func (h *Hasher) flush() {
	if h.h == nil {
		h.h = sha256.New()
	}
	h.h.Write(h.buf)
	h.buf = h.buf[:0]
}

// Sum is the key of data.
func Sum(data []byte) Key { return sha256.Sum256(data) }
