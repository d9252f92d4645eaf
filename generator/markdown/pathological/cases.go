// Package pathological generates Markdown bodies that would take an unguarded
// build minutes: each is small enough to be a plausible entry (1 to 1.6 MB)
// but repeats one construct a parser or minifier handles badly. The markdown
// and publish packages benchmark them and test that none of them hangs.
package pathological

import (
	"bytes"
	"strconv"
)

// Case is one generated body.
type Case struct {
	Name string
	Src  []byte
}

// Cases builds every body afresh, so callers may modify them.
func Cases() []Case {
	return []Case{
		{"headings", repeat("# h\n", 200_000)},
		{"tabs", append(append([]byte("a\n\n"), bytes.Repeat([]byte("\t"), 1_000_000)...), "x\n"...)},
		{"tab-lines", repeat("-\t\ta\t\tb\n", 140_000)},
		{"open-links", repeat("[a](", 250_000)},
		{"setext", repeat("a\n=\n", 150_000)},
		{"less-than", bytes.Repeat([]byte("<"), 1_000_000)},
		{"reference-definitions", numbered(100_000, func(b []byte, i int) []byte {
			b = append(b, "[r"...)
			b = strconv.AppendInt(b, int64(i), 10)
			return append(b, "]: /u\n"...)
		})},
		{"autolinks", repeat("<https://a.b/c> ", 100_000)},
		{"bare-autolinks", repeat("www.a.bc https://x.y/z ", 50_000)},
		{"footnotes", footnotes(40_000)},
		{"nested-lists", repeat("- 1. ", 25_000)},
		{"nested-quotes", repeat("> ", 50_000)},
		{"quotes", repeat(`"a" `, 300_000)},
	}
}

func repeat(s string, n int) []byte { return bytes.Repeat([]byte(s), n) }

func numbered(n int, line func([]byte, int) []byte) []byte {
	var b []byte
	for i := range n {
		b = line(b, i)
	}
	return b
}

// footnotes are n references in one paragraph, then their n definitions.
func footnotes(n int) []byte {
	b := numbered(n, func(b []byte, i int) []byte {
		b = append(b, "x[^"...)
		b = strconv.AppendInt(b, int64(i), 10)
		return append(b, "] "...)
	})
	b = append(b, "\n\n"...)
	return append(b, numbered(n, func(b []byte, i int) []byte {
		b = append(b, "[^"...)
		b = strconv.AppendInt(b, int64(i), 10)
		return append(b, "]: y\n"...)
	})...)
}
