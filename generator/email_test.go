package generator

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/site"
	"golang.org/x/net/html"
)

// TestEmailEdition: every day of the sample, built under its base path,
// minified and not, has an email.html that a mail program can show as it
// is (styles inline, no <style>, script or table, every link absolute, one
// column of at most 640 px) and an email.txt with every story's address;
// the edition page links both; neither is in the sitemap.
func TestEmailEdition(t *testing.T) {
	const base = "https://example.github.io/digest/"
	s, err := Load(sampleSite, base, site.Options{Now: time.Now()})
	if err != nil || len(s.Days) == 0 {
		t.Fatalf("%v, %d days", err, len(s.Days))
	}
	for _, minify := range []bool{true, false} {
		tree := readTree(t, build(t, BuildOptions{Site: sampleSite, BaseURL: base, NoMinify: !minify}))
		if strings.Contains(string(tree["sitemap.xml"]), "email.") {
			t.Error("the sitemap lists an email edition")
		}
		for _, d := range s.Days {
			checkEmailHTML(t, s.OutPath(d.EmailURL()), tree[s.OutPath(d.EmailURL())], base)
			checkEmailText(t, d, string(tree[s.OutPath(d.EmailTextURL())]), s)
			day := parsePage(t, tree[s.OutPath(d.URL)])
			for _, u := range []string{d.EmailURL(), d.EmailTextURL()} {
				if findAttr(day, "href", u) == nil {
					t.Errorf("%s does not link %s", d.URL, u)
				}
			}
		}
	}
}

func checkEmailHTML(t *testing.T, name string, data []byte, base string) {
	t.Helper()
	doc := parsePage(t, data)
	body := find(doc, "body")
	if find(doc, "title") == nil || textOf(find(body, "h1")) == "" {
		t.Errorf("%s: no title or heading", name)
	}
	for _, n := range findAll(doc, func(*html.Node) bool { return true }) {
		switch n.Data {
		case "script", "style", "table", "link", "iframe", "form":
			t.Errorf("%s: a <%s>", name, n.Data)
		}
		if attr(n, "class") != "" {
			t.Errorf("%s: <%s class=%q>: a mail program drops the rules it needs", name, n.Data, attr(n, "class"))
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("%s: <%s %s>", name, n.Data, a.Key)
			}
			if (a.Key == "href" || a.Key == "src") && !strings.HasPrefix(a.Val, "https://") {
				t.Errorf("%s: <%s %s=%q> is not absolute", name, n.Data, a.Key, a.Val)
			}
		}
		if w, err := strconv.Atoi(attr(n, "width")); err == nil && w > 640 {
			t.Errorf("%s: <%s width=%d>", name, n.Data, w)
		}
		for _, m := range cssWidth.FindAllStringSubmatch(attr(n, "style"), -1) {
			if w, _ := strconv.Atoi(m[2]); w > 640 || !strings.HasSuffix(m[0], "px") && m[1] != "max-" {
				t.Errorf("%s: <%s style=%q>: wider than 640 px", name, n.Data, attr(n, "style"))
			}
		}
		inBody := n != doc && first(body, func(m *html.Node) bool { return m == n }) != nil
		if inBody && n.Data != "em" && n.Data != "strong" && !strings.Contains(attr(n, "style"), ":") {
			t.Errorf("%s: <%s> has no inline style", name, n.Data)
		}
	}
	wrap := find(body, "div")
	if !strings.Contains(attr(wrap, "style"), "max-width:640px") {
		t.Errorf("%s: the column is not held to 640 px: %q", name, attr(wrap, "style"))
	}
	if len(findAll(body, func(n *html.Node) bool { return n.Data == "a" && strings.HasPrefix(attr(n, "href"), base) })) < 3 {
		t.Errorf("%s: too few links into the site", name)
	}
}

// cssWidth finds width and max-width declarations, with their number.
var cssWidth = regexp.MustCompile(`(^|;|max-)\s*width\s*:\s*(\d+)(px)?`)

func checkEmailText(t *testing.T, d *site.Day, text string, s *site.Site) {
	t.Helper()
	if text == "" {
		t.Fatalf("%s: no email.txt", d.URL)
	}
	for _, a := range d.Articles {
		if !strings.Contains(text, s.AbsURL(a.URL)+"\n") || !strings.Contains(text, a.Title) {
			t.Errorf("%s: email.txt lacks %s or its title", d.URL, a.URL)
		}
	}
	if regexp.MustCompile(`<[a-z/]|&[a-z#0-9]+;`).MatchString(text) {
		t.Errorf("%s: email.txt holds markup:\n%s", d.URL, text)
	}
}

// TestEmailEditionWarm: an edit of a title remakes its day's email edition
// on a warm build, as for any page.
func TestEmailEditionWarm(t *testing.T) {
	dir, out := warmSite(t)
	s, err := Load(dir, "", site.Options{Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	a := s.Articles[0]
	file := filepath.Join(dir, filepath.FromSlash(a.Entry.File))
	editFile(t, file, "title: ", "title: Retitled ")
	build(t, BuildOptions{Site: dir, Out: out, Now: fixtureNow})
	for _, u := range []string{a.Day.EmailURL(), a.Day.EmailTextURL()} {
		data, err := os.ReadFile(filepath.Join(out, s.OutPath(u)))
		if err != nil || !strings.Contains(string(data), "Retitled") {
			t.Errorf("%s after a new title: %v\n%s", u, err, data)
		}
	}
	sameTrees(t, out, build(t, BuildOptions{Site: dir, Now: fixtureNow, NoCache: true}))
}

// TestEmailSentAsRendered: an email edition is published as the inliner
// makes it, minified build or not.
func TestEmailSentAsRendered(t *testing.T) {
	minified := readTree(t, build(t, BuildOptions{Site: sampleSite}))
	plain := readTree(t, build(t, BuildOptions{Site: sampleSite, NoMinify: true}))
	n := 0
	for name, data := range minified {
		if filepath.Base(name) != "email.html" {
			continue
		}
		n++
		if string(plain[name]) != string(data) {
			t.Errorf("%s differs between a minified and an unminified build", name)
		}
	}
	if n == 0 {
		t.Fatal("no email.html in the sample's output")
	}
}
