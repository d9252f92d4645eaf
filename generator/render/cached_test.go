package render

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/digest-news/digest/generator/site"
)

func TestCached(t *testing.T) {
	theme := minimalTheme()
	theme["base.html"] = &fstest.MapFile{Data: []byte(`{{define "who"}}<b>{{.Title}}</b>{{end}}` +
		`{{cached "who" . "once"}}|{{cached "who" .}}|{{if .Feeds}}{{cached "who" . .Feeds}}{{end}}`)}
	r, err := New(theme, nil)
	if err != nil {
		t.Fatal(err)
	}
	render := func(p *site.Page) (string, error) {
		var b bytes.Buffer
		_, err := renderPage(r, &b, p)
		return b.String(), err
	}
	a := &site.Page{Kind: site.KindHome, Title: "A & B"}
	b := &site.Page{Kind: site.KindHome, Title: "C"}
	for _, tt := range []struct {
		page *site.Page
		want string
	}{
		{a, "<b>A &amp; B</b>|<b>A &amp; B</b>|"},
		{b, "<b>A &amp; B</b>|<b>C</b>|"}, // the variant "once" is shared; the page itself is not
		{a, "<b>A &amp; B</b>|<b>A &amp; B</b>|"},
	} {
		got, err := render(tt.page)
		if err != nil || got != tt.want {
			t.Errorf("page %q: got %q, %v; want %q", tt.page.Title, got, err, tt.want)
		}
	}
	if _, err := render(&site.Page{Kind: site.KindHome, Feeds: []site.FeedLink{{}}}); err == nil ||
		!strings.Contains(err.Error(), "cannot be a key") {
		t.Errorf("a slice as a key: got %v, want an error saying it cannot be a key", err)
	}
	r2, err := New(theme, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := renderPage(r2, &out, b); err != nil || !strings.HasPrefix(out.String(), "<b>C</b>") {
		t.Errorf("a new renderer (a new build) kept the old fragments: %q, %v", out.String(), err)
	}
}

// TestCachedBounded renders every page with room for two fragments at a
// time: the outputs, and what each page read, are those of a renderer that
// keeps every fragment, and no more fragments are held than the bound.
func TestCachedBounded(t *testing.T) {
	s := testSite(t)
	roomy, tight := testRenderer(t), testRenderer(t)
	tight.fragments.limit = 2
	for _, p := range s.Pages() {
		var want, got bytes.Buffer
		wantReads, err := renderPage(roomy, &want, p)
		if err != nil {
			t.Fatal(err)
		}
		gotReads, err := renderPage(tight, &got, p)
		if err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s: with fragments pushed out the page differs", p.URL)
		}
		if !slices.Equal(gotReads.Units(), wantReads.Units()) {
			t.Errorf("%s: with fragments pushed out the page read %v, want %v", p.URL, gotReads.Units(), wantReads.Units())
		}
		if held := len(tight.fragments.done) + len(tight.fragments.old); held > 4 {
			t.Fatalf("%s: %d fragments held, more than two generations of 2", p.URL, held)
		}
	}
	if len(roomy.fragments.done) <= 4 {
		t.Fatalf("the test site's pages show only %d fragments: nothing was pushed out", len(roomy.fragments.done))
	}
}
