package markdown

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestUnsafeLinksKeepTheirText(t *testing.T) {
	tests := []struct {
		name, src, html string
		warnings        []Warning
	}{
		{"javascript", "[x](javascript:alert(1))", "<p>x</p>\n",
			[]Warning{{1, "unsafe link javascript:alert(1) dropped, its text kept"}}},
		{"vbscript upper case, line 3", "a\n\nsee [the *form*](VBScript:msgbox) now", "<p>a</p>\n<p>see the <em>form</em> now</p>\n",
			[]Warning{{3, "unsafe link VBScript:msgbox dropped, its text kept"}}},
		{"data html", "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "<p>d</p>\n",
			[]Warning{{1, "unsafe link data:text/html;base64,PH… dropped, its text kept"}}},
		{"svg image", "x\ny ![a <b>&](data:image/svg+xml,<svg/>)", "<p>x\ny a <!-- raw HTML omitted -->&amp;</p>\n",
			[]Warning{{2, "unsafe image data:image/svg+xml,<svg/… dropped, its alt text kept"}}},
		{"image without alt", "![](file:///etc/passwd)", "<p></p>\n",
			[]Warning{{1, "unsafe image file:///etc/passwd dropped, its alt text kept"}}},
		{"autolink", "go <javascript:alert(1)> now", "<p>go javascript:alert(1) now</p>\n",
			[]Warning{{1, "unsafe link javascript:alert(1) dropped, its text kept"}}},
		{"empty text", "- a\n- [](javascript:x)", "<ul>\n<li>a</li>\n<li></li>\n</ul>\n",
			[]Warning{{2, "unsafe link javascript:x dropped, its text kept"}}},
		{"reference", "[r]\n\n[r]: javascript:x", "<p>r</p>\n",
			[]Warning{{1, "unsafe link javascript:x dropped, its text kept"}}},
		{"unsafe image in unsafe link", "[![i](data:x)](javascript:y)", "<p>i</p>\n",
			[]Warning{{1, "unsafe link javascript:y dropped, its text kept"}, {1, "unsafe image data:x dropped, its alt text kept"}}},
		{"safe ones stay, any other scheme goes", "[a](https://x.org) [b](HTTP://x.org) [c](mailto:a@b.c) [d](/p/) [e](p:q/) [f](?a:b) [g](#c:d) ![h](i.png)",
			`<p><a href="https://x.org">a</a> <a href="HTTP://x.org">b</a> <a href="mailto:a@b.c">c</a> <a href="/p/">d</a> e <a href="?a:b">f</a> <a href="#c:d">g</a> <img src="i.png" alt="h"></p>` + "\n",
			[]Warning{{1, "unsafe link p:q/ dropped, its text kept"}}},
	}
	c := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, feed, err := c.ConvertBoth([]byte(tt.src), nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if page.HTML != tt.html {
				t.Errorf("HTML %q, want %q", page.HTML, tt.html)
			}
			if !reflect.DeepEqual(page.Warnings, tt.warnings) || !reflect.DeepEqual(feed.Warnings, tt.warnings) {
				t.Errorf("warnings %v and %v, want %v", page.Warnings, feed.Warnings, tt.warnings)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	lines := func(s string, n int) string { return strings.Repeat(s, n) }
	tests := []struct {
		name, src, what string
		line            int
	}{
		{"nested quotes", lines("> ", 33) + "x", "nested quotes or list items on one line", 1},
		{"nested lists", "a\n\n" + lines("- 1. ", 17), "nested quotes or list items on one line", 3},
		{"headings", lines("# h\n", 2001), "headings", 2001},
		{"setext headings", lines("a\n=\n", 2001), "headings", 4002},
		{"headings in quotes", lines("> ## h\n", 2001), "headings", 2001},
		{"references", lines("[r]: /u\n", 2001), "link reference definitions", 2001},
		{"footnotes", lines("x[^1]\n", 2001), "footnote references and definitions", 2001},
		{"unclosed links", lines("[a](", 3000), "bytes of unclosed link destinations", 1},
		{"too large", lines("a", 2<<20+1), "bytes", 1},
	}
	c := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Convert([]byte(tt.src), nil)
			var limit *LimitError
			if !errors.As(err, &limit) {
				t.Fatalf("error %v, want a *LimitError", err)
			}
			if limit.What != tt.what || limit.Line != tt.line {
				t.Errorf("limit %q at line %d, want %q at line %d", limit.What, limit.Line, tt.what, tt.line)
			}
			if !strings.Contains(err.Error(), "split it") {
				t.Errorf("error %q does not say what to do", err)
			}
		})
	}
}

// TestWithinLimits: bodies just under each limit, and ones like real articles, convert.
func TestWithinLimits(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("> ", 32) + "x",
		strings.Repeat("# h\n", 2000),
		strings.Repeat("[r]: /u\n", 2000),
		strings.Repeat("See [a link](https://example.org/a/long/path?q=1) and ![i](/i.png). ", 20_000),
		"- - -\n* * *\n1. a\n   - b\n     > c\n",
	} {
		if _, err := New().Convert([]byte(src), nil); err != nil {
			t.Errorf("%.40q: %v", src, err)
		}
	}
}
