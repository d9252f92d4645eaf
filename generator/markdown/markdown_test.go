package markdown

import (
	"strings"
	"testing"
)

func TestConvert(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // substrings of the HTML
		not       []string
	}{
		{"typographer", `He said "yes" -- twice...`, []string{"&ldquo;yes&rdquo;", "&ndash;", "&hellip;"}, nil},
		{"table", "| a | b |\n| - | - |\n| 1 | 2 |\n", []string{"<table>", "<td>2</td>"}, nil},
		{"strikethrough", "~~old~~", []string{"<del>old</del>"}, nil},
		{"autolink", "see https://example.org/x now", []string{`<a href="https://example.org/x">`}, nil},
		{"footnote", "Claim.[^1]\n\n[^1]: Source.\n", []string{`href="#fn:1"`, `id="fn:1"`}, nil},
		{"heading id", "## Why it matters\n", []string{`<h2 id="why-it-matters">`}, nil},
		{"raw html dropped", "<script>alert(1)</script>\n\n<b>x</b>", nil, []string{"<script", "<b>"}},
	}
	c := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := c.Convert([]byte(tt.src), nil)
			if err != nil {
				t.Fatal(err)
			}
			html := string(doc.HTML)
			for _, w := range tt.want {
				if !strings.Contains(html, w) {
					t.Errorf("HTML %q lacks %q", html, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(html, n) {
					t.Errorf("HTML %q contains %q", html, n)
				}
			}
		})
	}
}

func TestResolverRewritesLinksAndImages(t *testing.T) {
	src := "[a](/2026/01/02/x/) and ![b](/img.png) and [c](https://other.example/)\n"
	doc, err := New().Convert([]byte(src), func(dest string) string {
		if strings.HasPrefix(dest, "/") {
			return "https://site.example/repo" + dest
		}
		return dest
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{`href="https://site.example/repo/2026/01/02/x/"`, `src="https://site.example/repo/img.png"`, `href="https://other.example/"`} {
		if !strings.Contains(string(doc.HTML), w) {
			t.Errorf("%s lacks %s", doc.HTML, w)
		}
	}
}

func TestExcerpt(t *testing.T) {
	tests := []struct{ src, want string }{
		{"# Head\n\nFirst *para*\nwraps -- here.\n\nSecond.", "First para wraps – here."},
		{"> quoted\n\nReal lead.", "Real lead."},
		{"", ""},
	}
	for _, tt := range tests {
		doc, err := New().Convert([]byte(tt.src), nil)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Excerpt != tt.want {
			t.Errorf("Excerpt(%q) = %q, want %q", tt.src, doc.Excerpt, tt.want)
		}
	}
}

func TestConvertFeedFootnotesHaveNoFragmentLinks(t *testing.T) {
	doc, err := New().ConvertFeed([]byte("Claim.[^1]\n\n[^1]: Source.\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	html := string(doc.HTML)
	if strings.Contains(html, `href="#`) || !strings.Contains(html, "<sup>1</sup>") || !strings.Contains(html, "Source.") {
		t.Errorf("feed footnotes: %s", html)
	}
}

// ConvertBoth must give what Convert and ConvertFeed give apart.
func TestConvertBothMatchesApart(t *testing.T) {
	src := []byte("A [link](/a/) and ![pic](/p.png \"t\") and <https://x.org> and a note.[^1]\n\n" +
		"| a | [b](/b/) |\n|---|---|\n| 1 | 2 |\n\n[^1]: See [c](/c/).\n")
	page := func(d string) string { return "/base" + d }
	feed := func(d string) string { return "https://example.org" + d }
	c := New()
	wantPage, err := c.Convert(src, page)
	if err != nil {
		t.Fatal(err)
	}
	wantFeed, err := c.ConvertFeed(src, feed)
	if err != nil {
		t.Fatal(err)
	}
	gotPage, gotFeed, err := c.ConvertBoth(src, page, feed)
	if err != nil {
		t.Fatal(err)
	}
	if string(gotPage.HTML) != string(wantPage.HTML) || gotPage.Excerpt != wantPage.Excerpt {
		t.Errorf("page:\n%s\nwant\n%s", gotPage.HTML, wantPage.HTML)
	}
	if string(gotFeed.HTML) != string(wantFeed.HTML) {
		t.Errorf("feed:\n%s\nwant\n%s", gotFeed.HTML, wantFeed.HTML)
	}
	if !strings.Contains(string(gotFeed.HTML), "https://example.org/c/") || strings.Contains(string(gotFeed.HTML), "/base/") {
		t.Errorf("feed links not made from the destinations as written:\n%s", gotFeed.HTML)
	}
}

// FuzzBlankAtLineEnd holds blankAtLineEnd's scan to its byte-by-byte form.
func FuzzBlankAtLineEnd(f *testing.F) {
	for _, s := range []string{"", " ", "a \nb", "a\nb ", "a\t\r\nb", "a\r b", "a \r", "\n \n", "abc\n\ndef"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if got, want := blankAtLineEnd(src), blankBeforeBreak(src); got != want {
			t.Errorf("blankAtLineEnd(%q) = %v, want %v", src, got, want)
		}
	})
}
