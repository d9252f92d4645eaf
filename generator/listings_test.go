package generator

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/site"
)

// bigDaySite is a site whose 2026-05-02 edition holds n articles, as a wire
// archive's day does, beside a small edition the day before.
func bigDaySite(t *testing.T, n int) string {
	dir := t.TempDir()
	writeFile(t, dir, "digest.yaml", "title: The Wire Archive\nbase_url: https://example.org/w/\ntopics:\n  economy: {name: Economy}\n  world: {name: World}\n")
	writeFile(t, dir, "content/2026/05/01/quiet-day.md", "---\ntitle: A quiet day\ndate: 2026-05-01 09:00\ntopics: [world]\n---\nBody.\n")
	for i := range n {
		addBigDayEntry(t, dir, i)
	}
	return dir
}

func addBigDayEntry(t *testing.T, dir string, i int) {
	at := time.Date(2026, 5, 2, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * 40 * time.Second)
	topic := []string{"economy", "world"}[i%2]
	src := fmt.Sprintf("---\ntitle: Dispatch number %d from the wire desk\ndate: %s\ntopics: [%s]\nsummary: %s\n---\nBody %d.\n",
		i, at.Format("2006-01-02 15:04:05"), topic, strings.Repeat("A sentence of the kind a summary holds. ", 5), i)
	writeFile(t, dir, fmt.Sprintf("content/2026/05/02/big-%d.md", i), src)
}

var bigArticle = regexp.MustCompile(`/w/2026/05/02/(big-\d+)/`)

// articlesOn are the big day's articles a page links to, in order, each once.
func articlesOn(page []byte) []string {
	var list []string
	for _, m := range bigArticle.FindAllSubmatch(page, -1) {
		if s := string(m[1]); !slices.Contains(list, s) {
			list = append(list, s)
		}
	}
	return list
}

// TestLargeEditionPaginates: an edition of 450 articles is a front page of
// the newest 100 and numbered pages counted from the oldest, which together
// hold every article once and keep their articles when one more arrives;
// the home page shows the first few of each topic and the month page the
// first ten titles, each with a link to the whole edition; no listing page
// comes near 200 KB; warm builds after such changes write what cold ones do.
func TestLargeEditionPaginates(t *testing.T) {
	const n = 450
	dir := bigDaySite(t, n)
	opts := BuildOptions{Site: dir, Out: filepath.Join(t.TempDir(), "public"), Now: readingNow}
	tree := readTree(t, build(t, opts))

	front := articlesOn(tree["2026/05/02/index.html"])
	if len(front) != site.ArticlesPerDayPage || front[0] != fmt.Sprintf("big-%d", n-1) {
		t.Fatalf("the edition's front page holds %d articles from %v, want the newest %d", len(front), front[:min(1, len(front))], site.ArticlesPerDayPage)
	}
	seen := map[string]int{}
	numbered := map[int][]string{}
	for k := 1; ; k++ {
		page, ok := tree[fmt.Sprintf("2026/05/02/page/%d/index.html", k)]
		if !ok {
			break
		}
		numbered[k] = articlesOn(page)
		for _, a := range numbered[k] {
			seen[a]++
		}
	}
	if len(numbered) != (n+site.ArticlesPerDayPage-1)/site.ArticlesPerDayPage {
		t.Fatalf("%d numbered pages for %d articles", len(numbered), n)
	}
	if got := numbered[1]; len(got) != site.ArticlesPerDayPage || !slices.Contains(got, "big-0") {
		t.Errorf("page 1 holds %d articles (the oldest: %v), want the oldest %d", len(got), slices.Contains(got, "big-0"), site.ArticlesPerDayPage)
	}
	for i := range n {
		if c := seen[fmt.Sprintf("big-%d", i)]; c != 1 {
			t.Errorf("big-%d is on %d numbered pages, want 1", i, c)
		}
	}

	home := string(tree["index.html"])
	if !strings.Contains(home, "All 450 articles of this edition") {
		t.Error("the home page does not link to the whole edition")
	}
	if got := len(articlesOn(tree["index.html"])); got > 12 {
		t.Errorf("the home page shows %d articles of the big edition, want the first few of each topic", got)
	}
	month := string(tree["2026/05/index.html"])
	if got := len(articlesOn(tree["2026/05/index.html"])); got != 10 || !strings.Contains(month, "All 450 articles of this edition") {
		t.Errorf("the month page lists %d titles of the big edition and links to it: %v", got, strings.Contains(month, "All 450 articles"))
	}
	for path, data := range tree {
		if strings.HasSuffix(path, ".html") && !strings.HasSuffix(path, "email.html") && len(data) > 100<<10 {
			t.Errorf("%s is %d KB", path, len(data)>>10)
		}
	}

	addBigDayEntry(t, dir, n)
	next := readTree(t, build(t, opts))
	for k := 1; k < len(numbered); k++ {
		if got := articlesOn(next[fmt.Sprintf("2026/05/02/page/%d/index.html", k)]); !slices.Equal(got, numbered[k]) {
			t.Errorf("page %d changed its articles when a new one came", k)
		}
	}
	if got := articlesOn(next["2026/05/02/index.html"]); got[0] != fmt.Sprintf("big-%d", n) {
		t.Errorf("the front page starts with %s, want the new article", got[0])
	}
	sameTrees(t, opts.Out, build(t, BuildOptions{Site: dir, Now: readingNow, NoCache: true}))

	// A retitled article in the middle, and one moved to the quiet day.
	retitle := filepath.Join(dir, "content", "2026", "05", "02", "big-200.md")
	data, err := os.ReadFile(retitle)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(retitle, []byte(strings.Replace(string(data), "Dispatch number 200", "Dispatch retitled", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	moved := filepath.Join(dir, "content", "2026", "05", "02", "big-7.md")
	data, err = os.ReadFile(moved)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(moved, []byte(strings.Replace(string(data), "date: 2026-05-02", "date: 2026-05-01", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	build(t, opts)
	sameTrees(t, opts.Out, build(t, BuildOptions{Site: dir, Now: readingNow, NoCache: true}))
}
