package content

import (
	"strings"
	"testing"
	"time"
)

func TestNestingProblem(t *testing.T) {
	deepIndent := "image:\n"
	for i := 1; i <= 70; i++ {
		deepIndent += strings.Repeat(" ", i) + "a:\n"
	}
	tests := []struct {
		name, src string
		line      int
	}{
		{"plain", "title: A\ntopics: [a, b]\nimage: {url: x, caption: \"[1]\"}\n", 0},
		{"block lists", "topics:\n  - a\n  - b\nimage:\n  url: x\n", 0},
		{"note with links", "note: |\n  See [one](x) and [two](y), [three].\n", 0},
		{"64 brackets", "a: " + strings.Repeat("[", 64) + strings.Repeat("]", 64) + "\n", 0},
		{"65 brackets", "a: " + strings.Repeat("[", 65) + strings.Repeat("]", 65) + "\n", 1},
		{"braces on line 3", "title: A\ndate: x\na: " + strings.Repeat("{a: ", 65) + "\n", 3},
		{"brackets across lines", "a:\n" + strings.Repeat("[\n", 70), 66},
		{"hidden by quotes", "a: " + strings.Repeat("[\"]\", ", 300) + "\n", 1},
		{"indentation", deepIndent, 65},
		{"compact sequences", "topics:\n" + strings.Repeat("- ", 70) + "x\n", 2},
		{"complex keys", strings.Repeat("? ", 70) + "x\n", 1},
		{"indentation back out", "a:\n  b:\n    c: x\nd:\n  e: y\n", 0},
	}
	for _, tt := range tests {
		line, msg := nestingProblem([]byte(tt.src), maxOpeners)
		if line != tt.line {
			t.Errorf("%s: line %d (%s), want %d", tt.name, line, msg, tt.line)
		}
	}
}

// Deeply nested front matter drives the YAML library's time and memory far
// beyond any entry's; it must be refused at once.
func TestDeepFrontMatterIsRefusedQuickly(t *testing.T) {
	const n = 40_000
	var b strings.Builder
	b.WriteString("image:\n")
	for i := 1; i <= 3000; i++ { // deeper would take more than the default max_entry_size
		b.WriteString(strings.Repeat(" ", i) + "a:\n")
	}
	block := b.String()
	tests := []struct{ name, head, want string }{
		{"flow lists", "title: A\ndate: 2026-11-18\nimage: " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n",
			"e.md:4: the YAML nests brackets deeper than 64 levels; no key needs"},
		{"flow maps", "title: A\nimage: " + strings.Repeat("{a: ", n) + "x" + strings.Repeat("}", n) + "\n",
			"e.md:3: the YAML nests brackets deeper than 64 levels"},
		{"hidden by quotes", "title: A\nimage: " + strings.Repeat("[\"]\", ", n) + "\n",
			"e.md:3: the YAML holds more than 256 brackets"},
		{"block maps", block, "e.md:66: the YAML nests deeper than 64 levels"},
		{"compact sequences", "topics:\n" + strings.Repeat("- ", n) + "x\n", "e.md:3: the YAML nests deeper than 64 levels"},
	}
	cfg := testConfig(t, false)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var err error
			start := time.Now()
			within5s(t, func() { _, err = ParseEntry("e.md", []byte("---\n"+tt.head+"---\nBody\n"), cfg) })
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Errorf("error %v, want prefix %q", err, tt.want)
			}
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	var err error
	within5s(t, func() {
		_, err = ParseConfig([]byte(siteConfig + "topics: " + strings.Repeat("{a: ", n) + "\n"))
	})
	if err == nil || !strings.HasPrefix(err.Error(), "digest.yaml:3: the YAML nests brackets deeper") {
		t.Errorf("config: %v", err)
	}
}
