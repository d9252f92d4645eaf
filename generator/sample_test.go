package generator

import (
	"bytes"
	"net/url"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
)

// sampleSite is the bundled sample digest at the repository root.
const sampleSite = ".."

// TestSampleSite checks the promises of a build on the bundled sample digest,
// at the site root and under a GitHub Pages project path.
func TestSampleSite(t *testing.T) {
	for _, base := range []string{"https://example.org/", "https://user.github.io/digest/"} {
		t.Run(base, func(t *testing.T) {
			out := build(t, BuildOptions{Site: sampleSite, BaseURL: base})
			tree := readTree(t, out)
			s, err := Load(sampleSite, base, siteOptions(BuildOptions{}))
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Articles) < 24 {
				t.Fatalf("the sample publishes %d entries, want at least 24", len(s.Articles))
			}
			links := pageLinksOf(t, tree, base)
			for _, a := range s.Articles {
				from := map[string]string{
					"home":    s.BasePath,
					"edition": a.Day.URL,
					"month":   a.Day.Month.URL,
					"year":    a.Day.Month.Year.URL,
				}
				for _, topic := range a.Topics {
					from["topic "+topic.Slug] = topic.URL
				}
				for name, page := range from {
					if !reachable(links, s.OutPath, page, a.URL, name == "home") {
						t.Errorf("%s is not reachable from its %s page %s", a.URL, name, page)
					}
				}
			}
			checkInternalLinks(t, tree, links, base)
		})
	}
}

// reachable reports whether target is linked from the page at start or from
// the pages below it (a year's months, a list's page/2/), without going up
// through the navigation. The home page follows only its page/N/ links.
func reachable(links map[string]map[string]bool, file func(string) string, start, target string, home bool) bool {
	seen := map[string]bool{start: true}
	queue := []string{start}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if links[file(cur)][target] {
			return true
		}
		for l := range links[file(cur)] {
			if seen[l] || !strings.HasPrefix(l, start) || !strings.HasSuffix(l, "/") {
				continue
			}
			if home && !strings.Contains(l, "/page/") {
				continue
			}
			seen[l] = true
			queue = append(queue, l)
		}
	}
	return false
}

// pageLinksOf maps each HTML file to the internal site paths it links to.
func pageLinksOf(t *testing.T, tree map[string][]byte, base string) map[string]map[string]bool {
	t.Helper()
	b, _ := url.Parse(base)
	all := map[string]map[string]bool{}
	for p, data := range tree {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		refs := map[string]bool{}
		for _, ref := range htmlRefs(t, data) {
			u, err := url.Parse(ref)
			if err != nil {
				t.Errorf("%s: bad URL %q", p, ref)
				continue
			}
			if u.Host == b.Host && u.Scheme == b.Scheme {
				u.Scheme, u.Host = "", ""
			}
			if u.Scheme != "" || u.Host != "" || u.Path == "" {
				continue
			}
			refs[u.Path] = true
		}
		all[p] = refs
	}
	return all
}

func checkInternalLinks(t *testing.T, tree map[string][]byte, links map[string]map[string]bool, base string) {
	b, _ := url.Parse(base)
	for page, refs := range links {
		for ref := range refs {
			if !strings.HasPrefix(ref, b.Path) {
				t.Errorf("%s links to %s, outside the base path %s", page, ref, b.Path)
				continue
			}
			file := strings.TrimPrefix(ref, b.Path)
			if file == "" || strings.HasSuffix(file, "/") {
				file += "index.html"
			}
			if _, ok := tree[file]; !ok {
				t.Errorf("%s links to %s, which is not in the output", page, ref)
			}
		}
	}
}

// htmlRefs lists the href and src attributes of a page.
func htmlRefs(t *testing.T, page []byte) []string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Key == "href" || a.Key == "src" {
					refs = append(refs, a.Val)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return refs
}

func TestSampleFeedsParse(t *testing.T) {
	base := "https://user.github.io/digest/"
	out := build(t, BuildOptions{Site: sampleSite, BaseURL: base})
	tree := readTree(t, out)
	s, err := Load(sampleSite, base, siteOptions(BuildOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{} // feed file -> expected item ids in order
	ids := func(n int, articles []string) []string { return articles[:min(n, len(articles))] }
	var all []string
	for _, a := range s.Articles {
		all = append(all, a.ID)
	}
	limit := s.Config.FeedItems
	want["feed.xml"], want["atom.xml"], want["feed.json"] = ids(limit, all), ids(limit, all), ids(limit, all)
	for _, topic := range s.Topics {
		var tids []string
		for _, a := range topic.Articles {
			tids = append(tids, a.ID)
		}
		want["topics/"+topic.Slug+"/feed.xml"] = ids(limit, tids)
		want["topics/"+topic.Slug+"/atom.xml"] = ids(limit, tids)
	}
	parser := gofeed.NewParser()
	for file, wantIDs := range want {
		f, err := parser.Parse(bytes.NewReader(tree[file]))
		if err != nil {
			t.Errorf("%s: %v", file, err)
			continue
		}
		if len(f.Items) != len(wantIDs) {
			t.Errorf("%s has %d items, want %d", file, len(f.Items), len(wantIDs))
			continue
		}
		for i, it := range f.Items {
			if it.GUID != wantIDs[i] {
				t.Errorf("%s item %d id %q, want %q", file, i, it.GUID, wantIDs[i])
			}
			if !strings.HasPrefix(it.Link, base) {
				t.Errorf("%s item %d link %q is not under %s", file, i, it.Link, base)
			}
			if it.PublishedParsed == nil {
				t.Errorf("%s item %d has no date", file, i)
			}
			body := it.Content
			if body == "" {
				body = it.Description
			}
			for _, ref := range htmlRefs(t, []byte(body)) {
				if u, err := url.Parse(ref); err != nil || (!u.IsAbs() && !strings.HasPrefix(ref, "#")) {
					t.Errorf("%s item %d content has a relative URL %q", file, i, ref)
				}
			}
		}
	}
	ed, err := parser.Parse(bytes.NewReader(tree["editions.xml"]))
	if err != nil {
		t.Fatalf("editions.xml: %v", err)
	}
	if len(ed.Items) != min(limit, len(s.Days)) {
		t.Errorf("editions.xml has %d items, want one per day (%d)", len(ed.Items), len(s.Days))
	}
}

func TestTwoBuildsAreIdentical(t *testing.T) {
	a := readTree(t, build(t, BuildOptions{Site: sampleSite}))
	b := readTree(t, build(t, BuildOptions{Site: sampleSite}))
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for p, data := range a {
		if !bytes.Equal(b[p], data) {
			t.Errorf("%s differs between two builds", p)
		}
	}
}
