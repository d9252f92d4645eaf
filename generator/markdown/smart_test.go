package markdown

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

// TestSmartenMatchesBodies: plain text comes out of Smarten with the
// characters a body paragraph of the same text is rendered with.
func TestSmartenMatchesBodies(t *testing.T) {
	c := New()
	tags := regexp.MustCompile(`<[^>]*>`)
	for _, s := range []string{
		`Rates held -- for now`,
		`"Not yet," says the bank's chair`,
		`Port talks --- and a 'final' offer...`,
		`<<Vive>> la fête`,
		`It's the '90s again`,
		`He said "it's 'fine'"`,
	} {
		doc, err := c.Convert([]byte(s), nil)
		if err != nil {
			t.Fatal(err)
		}
		want := html.UnescapeString(strings.TrimSpace(tags.ReplaceAllString(doc.HTML, "")))
		if got := Smarten(s); got != want {
			t.Errorf("Smarten(%q) = %q, a body gives %q", s, got, want)
		}
	}
}

func TestSmartenKeepsMarkdownAsWritten(t *testing.T) {
	for in, want := range map[string]string{
		`C++ *and* [Go]`:         `C++ *and* [Go]`,
		`- not a list`:           `- not a list`,
		`# not a heading`:        `# not a heading`,
		`1. First -- "quoted"`:   `1. First – “quoted”`,
		`a\_b <b>x</b> &amp; y`:  `a\_b <b>x</b> &amp; y`,
		"two\nlines -- here":     "two\nlines – here",
		"Plain title, no change": "Plain title, no change",
	} {
		if got := Smarten(in); got != want {
			t.Errorf("Smarten(%q) = %q, want %q", in, got, want)
		}
	}
}
