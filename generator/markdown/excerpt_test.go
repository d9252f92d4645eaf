package markdown

import (
	"strings"
	"testing"
)

// excerptCases are bodies whose first paragraph lies past the first
// prefix Excerpt parses, or depends on what follows it.
func excerptCases() []string {
	long := strings.Repeat("Filler words of a long opening list item.\n", 40)
	return []string{
		"",
		"Only one line.",
		"# Head\n\nFirst *para*\nwraps -- here.\n\nSecond.",
		"- " + long + "\nThe lead after a long list.\n\nMore.",
		"```\n" + long + "\n\n" + long + "```\n\nAfter the fence.\n\nMore.",
		"```\n" + long + "\n\nNot a paragraph: the fence never closes.\n",
		"> " + long + "\n\nLead after a quote.\n\nMore.",
		"Lead with a [reference][r] link.\n\n" + long + "\n[r]: https://example.org/\n",
		"Lead with a footnote.[^1]\n\n" + long + "\n[^1]: The note.\n",
		"Lead with [brackets] only.\n\n" + long,
		"Setext heading\n===\n\n" + long + "\n\nThe lead.\n\nMore.",
		"<div>\n" + long + "\n</div>\n\nLead after raw HTML.\n\nMore.",
		"| a | b |\n| - | - |\n| 1 | 2 |\n\n" + long + "\n\nAfter a table.",
		"Lead with <https://example.org/> and a [link](https://example.org/).\n\n" + long,
		"![](img.png)\n\n" + long,
	}
}

func TestExcerptIsTheConvertedLead(t *testing.T) {
	c := New()
	for _, src := range excerptCases() {
		doc, err := c.Convert([]byte(src), nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, size := range []int{1, 16, 1024} {
			if got := c.excerpt([]byte(src), size); got != doc.Excerpt {
				t.Errorf("excerpt(%.60q…, %d) = %q, Convert's excerpt %q", src, size, got, doc.Excerpt)
			}
		}
	}
	if got := c.Excerpt([]byte("- " + strings.Repeat("item\n", 400) + "\nThe lead.\n\nMore.")); got != "The lead." {
		t.Errorf("lead after a long list = %q", got)
	}
}

// FuzzExcerpt holds the prefix parse to the whole conversion.
func FuzzExcerpt(f *testing.F) {
	for _, src := range excerptCases() {
		f.Add(src)
	}
	c := New()
	f.Fuzz(func(t *testing.T, src string) {
		doc, err := c.Convert([]byte(src), nil)
		if err != nil {
			return
		}
		for _, size := range []int{1, 7, 64} { // small first prefixes, to try the cuts
			if got := c.excerpt([]byte(src), size); got != doc.Excerpt {
				t.Fatalf("excerpt(%q, %d) = %q, Convert's excerpt %q", src, size, got, doc.Excerpt)
			}
		}
	})
}
