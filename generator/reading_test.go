package generator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

var readingNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

// readingSite is a small site for the reading side: typography in titles,
// one entry in French, a long body, several days of one topic, a topic
// without articles.
func readingSite(t *testing.T) string {
	dir := t.TempDir()
	files := map[string]string{
		"digest.yaml": "title: The Reading Test\nbase_url: https://example.org/r/\nid_authority: example.org\ntopics:\n" +
			"  economy: {name: Economy}\n  world: {name: World}\n  quiet: {name: Quiet, description: Nothing yet.}\n",
		"content/2026/05/01/rates-held.md": "---\ntitle: Rates held -- for now, says \"the bank\"\ndate: 2026-05-01 09:00\n" +
			"topics: [economy]\nsummary: The 'pause' lasts... a month\nimage: {url: https://img.example/quay.png, caption: Quay -- at dawn}\n---\n" +
			strings.Repeat("word ", 660) + "\n",
		"content/2026/05/01/exports-rise.md":   "---\ntitle: Exports rise\ndate: 2026-05-01 07:00\ntopics: [economy]\n---\nBody.\n",
		"content/2026/05/02/port-fees.md":      "---\ntitle: Port fees cut\ndate: 2026-05-02 08:00\ntopics: [economy, world]\n---\nBody.\n",
		"content/2026/05/02/la-bourse.md":      "---\ntitle: La Bourse recule\ndate: 2026-05-02 10:00\ntopics: [economy]\nlang: fr\n---\nLe texte.\n",
		"content/2026/05/03/wages.md":          "---\ntitle: Wages up\ndate: 2026-05-03 08:00\ntopics: [economy]\n---\nBody.\n",
		"content/2026/05/03/talks.md":          "---\ntitle: Talks resume\ndate: 2026-05-03 09:00\ntopics: [world]\n---\nBody.\n",
		"content/2026/05/04/jobs.md":           "---\ntitle: Jobs steady\ndate: 2026-05-04 08:00\ntopics: [economy]\n---\nBody.\n",
		"content/2026/05/04/budget-delayed.md": "---\ntitle: Budget delayed\ndate: 2026-05-04 09:00\ntopics: [economy]\n---\nBody.\n",
	}
	writeFiles(t, dir, files)
	return dir
}

// TestTypographyEverywhere: a title, summary and caption written with
// straight quotes, double hyphens and three dots carry the typographer's
// characters on the page, in every feed, in JSON-LD and in the search index.
func TestTypographyEverywhere(t *testing.T) {
	tree := readTree(t, build(t, BuildOptions{Site: readingSite(t), Now: readingNow}))
	const title, summary = "Rates held – for now, says “the bank”", "The ‘pause’ lasts… a month"
	page := parsePage(t, tree["2026/05/01/rates-held/index.html"])
	for what, got := range map[string]string{
		"h1":         textOf(find(page, "h1")),
		"standfirst": textOf(findClass(page, "standfirst")),
		"caption":    textOf(find(page, "figcaption")),
	} {
		want := map[string]string{"h1": title, "standfirst": summary, "caption": "Quay – at dawn"}[what]
		if got != want {
			t.Errorf("page %s %q, want %q", what, got, want)
		}
	}
	var ld struct{ Headline, Description string }
	if err := json.Unmarshal([]byte(textOf(findAttr(page, "type", "application/ld+json"))), &ld); err != nil || ld.Headline != title || ld.Description != summary {
		t.Errorf("JSON-LD %+v (%v), want the page's headline and summary", ld, err)
	}
	for _, f := range []string{"feed.xml", "atom.xml", "feed.json", "topics/economy/feed.xml", "editions.xml", "search/r/"} {
		data := string(tree[f])
		for name, file := range tree { // feed.json, and the search index's records, which come in chunks
			wanted := name == f || strings.HasSuffix(f, "/") && strings.HasPrefix(name, f)
			if !wanted || !strings.HasSuffix(name, ".json") {
				continue
			}
			var v any
			if err := json.Unmarshal(file, &v); err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(v)
			data += string(b)
		}
		if !strings.Contains(data, title) || strings.Contains(data, "Rates held --") {
			t.Errorf("%s does not carry the title as the page shows it", f)
		}
		if f != "editions.xml" && (!strings.Contains(data, summary) || strings.Contains(data, "'pause'")) {
			t.Errorf("%s does not carry the summary as the page shows it", f)
		}
	}
}

// TestFeedsPage: /feeds/ lists every feed the build writes, each with what
// it holds and its address in a field to copy, and the OPML list; the
// navigation points there; a topic without articles has no feed.
func TestFeedsPage(t *testing.T) {
	tree := readTree(t, build(t, BuildOptions{Site: readingSite(t), Now: readingNow}))
	page := parsePage(t, tree["feeds/index.html"])
	var urls []string
	for _, in := range findAll(page, func(n *html.Node) bool { return n.Data == "input" && hasClass(n, "feed__url") }) {
		urls = append(urls, strings.TrimPrefix(attr(in, "value"), "https://example.org/r/"))
		if attr(in, "readonly") == "" || attr(in, "aria-label") == "" {
			t.Errorf("field %s is not read-only and labelled", attr(in, "value"))
		}
	}
	want := "feed.xml atom.xml feed.json editions.xml topics/economy/feed.xml topics/economy/atom.xml topics/world/feed.xml topics/world/atom.xml"
	if strings.Join(urls, " ") != want {
		t.Errorf("feeds page lists %v, want %s", urls, want)
	}
	for _, u := range urls {
		if tree[u] == nil {
			t.Errorf("the feeds page lists %s, which the build did not write", u)
		}
	}
	about := textOf(page)
	for _, s := range []string{"The newest 8 articles, in full", "One item a day", "The newest 7 articles on Economy", "No articles yet, so no feed.", "feeds.opml"} {
		if !strings.Contains(about, s) {
			t.Errorf("the feeds page does not say %q", s)
		}
	}
	if tree["topics/quiet/feed.xml"] != nil || tree["topics/quiet/atom.xml"] != nil || bytes.Contains(tree["feeds.opml"], []byte("topics/quiet/")) {
		t.Error("a topic without articles has feeds")
	}
	nav := findAttr(parsePage(t, tree["index.html"]), "class", "sections")
	if a := findAll(nav, func(n *html.Node) bool { return n.Data == "a" && strings.HasSuffix(attr(n, "href"), "/feeds/") }); len(a) != 1 ||
		strings.Contains(renderNode(nav), "feeds.opml") {
		t.Error("the navigation does not point at /feeds/ (or still at the OPML file)")
	}
}

// TestArticleLeadsOn: reading time, "More on this topic" (nearest articles
// of the main topic, none of another), previous and next across days, and an
// entry's language on its page and feed items.
func TestArticleLeadsOn(t *testing.T) {
	tree := readTree(t, build(t, BuildOptions{Site: readingSite(t), Now: readingNow}))
	long := parsePage(t, tree["2026/05/01/rates-held/index.html"])
	if got := textOf(findClass(long, "byline__read")); got != "3 min read" {
		t.Errorf("660 words read in %q, want 3 min read", got)
	}
	mid := parsePage(t, tree["2026/05/03/wages/index.html"])
	var related []string
	for _, a := range findAll(findClass(mid, "related__list"), func(n *html.Node) bool { return n.Data == "a" }) {
		related = append(related, attr(a, "href"))
	}
	want := "/r/2026/05/04/budget-delayed/ /r/2026/05/04/jobs/ /r/2026/05/02/la-bourse/ /r/2026/05/02/port-fees/"
	if strings.Join(related, " ") != want {
		t.Errorf("more on this topic: %v, want %s", related, want)
	}
	// the oldest of 3 May leads back to the newest of 2 May, and on to 4 May
	older := attr(findClass(mid, "prevnext__older"), "href")
	newer := attr(findClass(parsePage(t, tree["2026/05/03/talks/index.html"]), "prevnext__newer"), "href")
	if older != "/r/2026/05/02/la-bourse/" || newer != "/r/2026/05/04/jobs/" {
		t.Errorf("previous %s and next %s do not cross the days", older, newer)
	}
	fr := parsePage(t, tree["2026/05/02/la-bourse/index.html"])
	if attr(find(fr, "html"), "lang") != "en" || attr(findClass(fr, "story"), "lang") != "fr" {
		t.Error("the French entry's page does not mark its article lang=fr inside an English page")
	}
	for f, mark := range map[string]string{"atom.xml": `xml:lang="fr"`, "feed.xml": "<dc:language>fr</dc:language>", "feed.json": `"language":"fr"`} {
		if !strings.Contains(strings.ReplaceAll(string(tree[f]), `": "`, `":"`), mark) {
			t.Errorf("%s does not mark the French item with %s", f, mark)
		}
	}
}

func parsePage(t *testing.T, data []byte) *html.Node {
	t.Helper()
	if data == nil {
		t.Fatal("no such page")
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var list []*html.Node
	if n == nil {
		return nil
	}
	if n.Type == html.ElementNode && match(n) {
		list = append(list, n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		list = append(list, findAll(c, match)...)
	}
	return list
}

func first(n *html.Node, match func(*html.Node) bool) *html.Node {
	if l := findAll(n, match); len(l) > 0 {
		return l[0]
	}
	return nil
}

func find(n *html.Node, tag string) *html.Node {
	return first(n, func(m *html.Node) bool { return m.Data == tag })
}
func findClass(n *html.Node, class string) *html.Node {
	return first(n, func(m *html.Node) bool { return hasClass(m, class) })
}
func findAttr(n *html.Node, key, val string) *html.Node {
	return first(n, func(m *html.Node) bool { return hasAttr(m, key, val) })
}

func hasClass(n *html.Node, class string) bool {
	return regexp.MustCompile(`(^|\s)` + regexp.QuoteMeta(class) + `(\s|$)`).MatchString(attr(n, "class"))
}

// attr is the value of n's attribute key; " " for one present without value.
func attr(n *html.Node, key string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == key {
			if a.Val == "" {
				return " "
			}
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	if n == nil {
		return ""
	}
	var b strings.Builder
	for _, t := range findText(n) {
		b.WriteString(t)
	}
	return strings.TrimSpace(b.String())
}

func findText(n *html.Node) []string {
	if n.Type == html.TextNode {
		return []string{n.Data}
	}
	var list []string
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		list = append(list, findText(c)...)
	}
	return list
}

func renderNode(n *html.Node) string {
	var b bytes.Buffer
	if n != nil {
		if err := html.Render(&b, n); err != nil {
			return fmt.Sprint(err)
		}
	}
	return b.String()
}
