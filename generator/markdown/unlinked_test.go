package markdown

import (
	"os"
	"reflect"
	"strings"
	"testing"
)

// unlinkedCases are bodies without autolinks that give the linkify parser
// its triggers: spaces, emphasis, strikethrough, parentheses at a word's
// start, and what the other extensions read.
var unlinkedCases = []string{
	"A plain paragraph of words.\n\nAnother (in brackets) one.",
	"*Stress* and _stress_ and ~~struck~~ and (~odd~) and  two  spaces.",
	"He said \"it's done\" -- and ... left.\n\n> Quoted (mostly).\n",
	"| a | b |\n| - | - |\n| (x) | *y* |\n\n- [ ] task\n- [x] done\n",
	"A note[^1] here.\n\n[^1]: The note (short).\n",
	"A [link](https://example.org/a) and ![pic](p.png) and <https://example.org/b>.",
	"[unclosed](https://example.org/a and \\[escaped](https://example.org/b) and `a@b.c` <b@c.d>",
	"# Heading (one)\n\nText ftp: and http: and mailto: without slashes, www without a dot.",
	"line one  \nline two\\\nline three",
}

// FuzzUnlinkedParse holds parse, which parses without autolinks when a
// body's text has no sign of one, to the parser with them: the same HTML,
// excerpt and warnings.
func FuzzUnlinkedParse(f *testing.F) {
	for _, src := range unlinkedCases {
		f.Add(src)
	}
	if data, err := os.ReadFile("testdata/upstream.md"); err == nil {
		f.Add(string(data))
	}
	c := New()
	f.Fuzz(func(t *testing.T, src string) {
		linked, lw, err := parseWith(c.page.Parser(), []byte(src))
		if err != nil {
			return
		}
		unlinked, uw, _ := c.parse([]byte(src))
		a, errA := render(c.page, []byte(src), linked, nil)
		b, errB := render(c.page, []byte(src), unlinked, nil)
		if (errA == nil) != (errB == nil) || a.HTML != b.HTML || a.Excerpt != b.Excerpt || !reflect.DeepEqual(lw, uw) {
			t.Fatalf("%q:\nwith autolinks:    %q %q %v %v\nwithout autolinks: %q %q %v %v", src, a.HTML, a.Excerpt, lw, errA, b.HTML, b.Excerpt, uw, errB)
		}
	})
}

// TestAutolinksKept checks that a body with an autolink still gets it.
func TestAutolinksKept(t *testing.T) {
	c := New()
	for src, want := range map[string]string{
		"See https://example.org/x now.": `<a href="https://example.org/x">https://example.org/x</a>`,
		"See www.example.org now.":       `<a href="http://www.example.org">www.example.org</a>`,
		"Write to desk@example.org.":     `<a href="mailto:desk@example.org">desk@example.org</a>`,
	} {
		doc, err := c.Convert([]byte(src), nil)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(doc.HTML, want) {
			t.Errorf("%q gave %q, want it to hold %q", src, doc.HTML, want)
		}
	}
}
