package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"strings"
	"testing"
)

// A key is the SHA-256 of the values written with their lengths, however
// the Hasher buffers them.
func TestHasherKeyIsHashOfStream(t *testing.T) {
	long := strings.Repeat("x", 3*spillAt)
	cases := map[string][]any{
		"empty":          {},
		"short":          {"title", int64(-3), true, Key{1, 2}},
		"a long string":  {"a", long, "b"},
		"long bytes":     {[]byte(long), int64(7)},
		"many short":     repeat([]any{"some page title", int64(42), Key{9}}, 500),
		"bytes at spill": {[]byte(long[:spillAt-1]), []byte(long[:spillAt])},
	}
	for name, values := range cases {
		t.Run(name, func(t *testing.T) {
			h := NewHasher()
			var stream []byte
			for _, v := range values {
				switch v := v.(type) {
				case string:
					h.String(v)
					stream = append(binary.AppendUvarint(stream, uint64(len(v))), v...)
				case []byte:
					h.Bytes(v)
					stream = append(binary.AppendUvarint(stream, uint64(len(v))), v...)
				case int64:
					h.Int(v)
					stream = binary.AppendVarint(stream, v)
				case bool:
					h.Bool(v)
					stream = binary.AppendVarint(stream, map[bool]int64{false: 0, true: 1}[v])
				case Key:
					h.Key(v)
					stream = append(stream, v[:]...)
				}
			}
			want := Key(sha256.Sum256(stream))
			if got := h.Sum(); got != want {
				t.Errorf("key %v, want %v", got, want)
			}
			h.Reset()
			if got := h.Sum(); got != Key(sha256.Sum256(nil)) {
				t.Errorf("after Reset the key is %v, want the key of nothing", got)
			}
		})
	}
}

func repeat(values []any, n int) []any {
	var all []any
	for range n {
		all = append(all, values...)
	}
	return all
}
