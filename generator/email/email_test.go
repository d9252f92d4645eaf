package email

import (
	"net/url"
	"os"
	"strings"
	"testing"
)

func TestInline(t *testing.T) {
	doc := `<!DOCTYPE html><html><head><style>
/* the cascade: tag, class, descendant, own style last */
p { margin: 0; color: #111 }
.note p, .lead { color: #222; font-size: 16px }
div.note { padding: 8px }
</style><script>alert(1)</script></head>
<body><div class="note"><p class="x">A <a href="/digest/a/">link</a></p></div>
<p class="lead" style="color: red">Lead</p><img src="pic.png" alt=""><a href="https://other.example/">out</a></body></html>`
	base, _ := url.Parse("https://example.org/digest/2026/11/18/email.html")
	out, err := new(Inliner).Inline([]byte(doc), base)
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	for _, want := range []string{
		`<div style="padding:8px"><p style="margin:0;color:#222;font-size:16px">`,
		`<p style="margin:0;color:red;font-size:16px">Lead</p>`,
		`href="https://example.org/digest/a/"`,
		`src="https://example.org/digest/2026/11/18/pic.png"`,
		`href="https://other.example/"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %s in\n%s", want, got)
		}
	}
	for _, bad := range []string{"<style", "<script", "alert", "class="} {
		if strings.Contains(got, bad) {
			t.Errorf("%s left in\n%s", bad, got)
		}
	}
}

// Elements of the same tags and classes share a style unless their way
// from the root or their own style differs.
func TestInlineSameWay(t *testing.T) {
	doc := `<style>p { margin: 0 } .note p { color: #222 } p.x { padding: 1px }</style>
<div class="note"><p>a</p><p>b</p><p style="color: red">c</p></div><div><p>d</p><p class="x">e</p></div>`
	base, _ := url.Parse("https://example.org/")
	out, err := new(Inliner).Inline([]byte(doc), base)
	if err != nil {
		t.Fatal(err)
	}
	got := string(out)
	for _, want := range []string{
		`<p style="margin:0;color:#222">a</p><p style="margin:0;color:#222">b</p><p style="margin:0;color:red">c</p>`,
		`<div><p style="margin:0">d</p><p style="margin:0;padding:1px">e</p></div>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %s in\n%s", want, got)
		}
	}
}

func TestInlineRefuses(t *testing.T) {
	base, _ := url.Parse("https://example.org/")
	for _, css := range []string{"a:hover { color: red }", "#id { x: y }", "@media (max-width: 600px) { p { margin: 0 } }", "div > p { margin: 0 }", "p { margin }", "p { margin: 0"} {
		_, err := new(Inliner).Inline([]byte("<style>"+css+"</style><p>x</p>"), base)
		if err == nil {
			t.Errorf("%q: no error", css)
		}
	}
}

func TestText(t *testing.T) {
	abs := func(ref string) string {
		u, _ := url.Parse(ref)
		return (&url.URL{Scheme: "https", Host: "example.org"}).ResolveReference(u).String()
	}
	for _, tc := range []struct{ in, want string }{
		{"<p>One <em>two</em>\nthree.</p><p>Four.</p>", "One two three.\n\nFour."},
		{`<p>See <a href="/x/">the report</a>, then <a href="https://a.example/">https://a.example/</a>.</p>`,
			"See the report (https://example.org/x/), then https://a.example/."},
		{"<ul><li>a</li><li>b <strong>c</strong></li></ul><p>d<br>e</p>", "- a\n- b c\n\nd\ne"},
		{"Tom &amp; Jerry &lt;3", "Tom & Jerry <3"},
	} {
		if got := Text(tc.in, abs); got != tc.want {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// BenchmarkInline inlines the default theme's style sheet into an edition
// of twenty stories.
func BenchmarkInline(b *testing.B) {
	theme, err := os.ReadFile("../../templates/email.html")
	if err != nil {
		b.Fatal(err)
	}
	sheet := string(theme)
	sheet = sheet[strings.Index(sheet, "<style>\n") : strings.Index(sheet, "</style>")+len("</style>")]
	story := `<div class="story"><p class="kicker">Top story</p><h3 class="title"><a href="/d/2026/11/18/s/">A title of some length</a></h3>` +
		`<p class="summary">A summary of a sentence or two, as most entries have.</p><div class="note"><p class="label">Why it matters</p><p>A note with <a href="/d/x/">a link</a>.</p></div>` +
		`<p class="meta">PLACE · 07:30 · Source</p></div>`
	doc := []byte(`<!DOCTYPE html><html><head><title>t</title>` + sheet + `</head><body><div class="mail">` + strings.Repeat(story, 20) + `</div></body></html>`)
	base, _ := url.Parse("https://example.org/d/2026/11/18/email.html")
	b.SetBytes(int64(len(doc)))
	var in Inliner
	for b.Loop() {
		if _, err := in.Inline(doc, base); err != nil {
			b.Fatal(err)
		}
	}
}
