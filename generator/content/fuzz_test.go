package content

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzNestingScan: whatever the depth scan lets through, the YAML library
// reads quickly.
func FuzzNestingScan(f *testing.F) {
	f.Add([]byte("title: A\ntopics: [a, b]\nimage: {url: x}\n"))
	f.Add([]byte("a: [\"]\", [\"]\", [\"]\"]\n"))
	f.Add([]byte("topics:\n- - - - x\n"))
	f.Add([]byte("image:\n a:\n  a:\n   a: x\n"))
	f.Add([]byte("? ? ? a\n: : b\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if line, _ := nestingProblem(data, maxOpeners); line > 0 {
			return
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			var fm FrontMatter
			decode("x.md", 1, data, &fm)
		}()
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			t.Fatalf("the scan let through YAML the library takes over 3 s on: %q", data)
		}
	})
}

// FuzzBadText: the eight-bytes-at-a-time scan finds what a rune loop finds.
func FuzzBadText(f *testing.F) {
	f.Add([]byte("plain text\n"), 3)
	f.Add([]byte("tab\there, \u0085 C1, \xff bad, \x7f"), 0)
	f.Add([]byte("“quotes” \xe2\x80"), 1)
	f.Fuzz(func(t *testing.T, data []byte, shift int) {
		if shift > 0 && shift < 8 { // vary where the eight-byte words fall
			data = append([]byte(strings.Repeat("x", shift)), data...)
		}
		want := -1
		for i := 0; i < len(data); {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n == 1 || r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r >= 0x7f && r <= 0x9f {
				want = i
				break
			}
			i += n
		}
		off, _, found := badText(data)
		if found != (want >= 0) || found && off != want {
			t.Fatalf("%q: badText = %d, %v; want %d", data, off, found, want)
		}
	})
}
