package generator

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/site"
)

// TestEditRendersWhatShowsIt edits one entry of a site of 300 and checks
// which pages the warm build renders again: those that show what changed,
// and no other article's.
func TestEditRendersWhatShowsIt(t *testing.T) {
	dir, out, now, s := builtCorpus(t)
	a := s.Articles[len(s.Articles)/2]
	file := filepath.Join(dir, filepath.FromSlash(a.Entry.File))
	pageOf := func(url string) string { return s.OutPath(url) }

	// Below the lead: its own page alone.
	appendTo(t, file, "\nA closing paragraph.\n")
	res, err := Build(BuildOptions{Site: dir, Out: out, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{pageOf(a.URL)}; !slices.Equal(res.RenderedPages, want) {
		t.Errorf("after an edit of the body, rendered %v, want %v", res.RenderedPages, want)
	}

	// The title: every page that shows it, and nothing else.
	data, _ := os.ReadFile(file)
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), "title: ", "title: Now ", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err = Build(BuildOptions{Site: dir, Out: out, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	shows := map[string]bool{pageOf(a.URL): true, pageOf(a.Day.URL): true, pageOf(a.Day.Month.URL): true,
		pageOf(a.Day.EmailURL()): true, pageOf(a.Day.EmailTextURL()): true}
	for _, n := range []*site.Article{a.Newer, a.Older} {
		if n != nil {
			shows[pageOf(n.URL)] = true
		}
	}
	for _, o := range s.Articles {
		if slices.Contains(o.Related, a) { // "More on this topic" shows its title
			shows[pageOf(o.URL)] = true
		}
	}
	for _, p := range s.Pages() {
		if p.Kind == site.KindHome && slices.Contains(p.Days, a.Day) || p.Kind == site.KindTopic && slices.Contains(p.Articles, a) {
			shows[p.Path] = true
		}
	}
	for _, p := range res.RenderedPages {
		if !shows[p] {
			t.Errorf("after an edit of the title, %s was rendered, which does not show it", p)
		}
	}
	for _, must := range []string{pageOf(a.URL), pageOf(a.Day.URL)} {
		if !slices.Contains(res.RenderedPages, must) {
			t.Errorf("after an edit of the title, %s was not rendered", must)
		}
	}
	sameTrees(t, out, build(t, BuildOptions{Site: dir, Now: now, NoCache: true}))
}

// TestNewEntryRendersFewArticles adds an entry to a site of 300: the warm
// build renders the new article's page and, of the others, only the pages
// of articles whose neighbours or "More on this topic" list it changed.
func TestNewEntryRendersFewArticles(t *testing.T) {
	dir, out, now, before := builtCorpus(t)
	a := before.Articles[len(before.Articles)/2]
	src := filepath.Join(dir, filepath.FromSlash(a.Entry.File))
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	added := strings.TrimSuffix(src, ".md") + "-follow-up.md"
	if err := os.WriteFile(added, []byte(strings.Replace(string(data), "title: ", "title: Follow-up to ", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Build(BuildOptions{Site: dir, Out: out, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	after, err := Load(dir, "", site.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	// What an article page shows of other articles: its neighbours and its
	// related list, by file.
	shown := func(s *site.Site) map[string]string {
		m := map[string]string{}
		for _, x := range s.Articles {
			var names []string
			for _, o := range append([]*site.Article{x.Newer, x.Older}, x.Related...) {
				if o != nil {
					names = append(names, o.Entry.File)
				}
			}
			m[x.Entry.File] = strings.Join(names, " ")
		}
		return m
	}
	old, next := shown(before), shown(after)
	may := map[string]bool{}
	for _, x := range after.Articles {
		if old[x.Entry.File] != next[x.Entry.File] {
			may[after.OutPath(x.URL)] = true
		}
	}
	articles := 0
	for _, p := range res.RenderedPages {
		if !strings.HasSuffix(p, "/index.html") || strings.Count(p, "/") != 4 || p[0] < '0' || p[0] > '9' {
			continue // not an article page (YYYY/MM/DD/slug/index.html)
		}
		articles++
		if !may[p] {
			t.Errorf("%s was rendered, though nothing it shows changed", p)
		}
	}
	if articles < 2 || articles > 2*site.RelatedCount+3 {
		t.Errorf("%d article pages rendered after adding one entry", articles)
	}
	sameTrees(t, out, build(t, BuildOptions{Site: dir, Now: now, NoCache: true}))
}

// builtCorpus is a site of 300 generated entries, built into out at now, and
// its model.
func builtCorpus(t *testing.T) (dir, out string, now time.Time, s *site.Site) {
	t.Helper()
	dir = t.TempDir()
	if err := writeCorpus(dir, 300, 3); err != nil {
		t.Fatal(err)
	}
	now = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	out = filepath.Join(t.TempDir(), "public")
	build(t, BuildOptions{Site: dir, Out: out, Now: now})
	s, err := Load(dir, "", site.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	return dir, out, now, s
}
