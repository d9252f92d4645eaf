package generator

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestThemeReadsAreTracked puts each snippet of themeSnippets alone into a
// theme (the 404 page, article pages, and the footer that every page shows
// through cached), then makes edits one after another, each followed by a
// warm build that must write what a build without cache writes. A snippet
// alone is the strictest case: no other read of the page covers for a
// read that is not noted.
func TestThemeReadsAreTracked(t *testing.T) {
	const (
		tide = "content/2026/03/02/tide-tables-reprinted.md"
		fog  = "content/2026/03/02/fog-delays-the-ferry.md"
		gale = "content/2026/03/03/gales-expected-by-thursday.md"
	)
	for i, snippet := range themeSnippets {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			dir := t.TempDir()
			copyTree(t, "testdata/site", dir)
			copyTheme(t, dir)
			e := &editor{t: t, dir: dir, rnd: rand.New(rand.NewPCG(uint64(i), 1))}
			for _, kind := range []string{"404", "article"} {
				rel := "templates/" + kind + ".html"
				e.write(rel, strings.Replace(e.read(rel), `{{define "main"}}`, `{{define "main"}}`+snippet, 1))
			}
			if !strings.Contains(snippet, "{{with .") && !strings.Contains(snippet, "{{range .Days") && !strings.Contains(snippet, "{{.Description") {
				footer := strings.ReplaceAll(strings.ReplaceAll(snippet, ".Site.", "."), ".Site", ".")
				e.write("templates/base.html", strings.Replace(e.read("templates/base.html"), `{{define "footer" -}}`, `{{define "footer" -}}`+footer, 1))
			}
			out := filepath.Join(t.TempDir(), "public")
			build(t, BuildOptions{Site: dir, Out: out, Now: fixtureNow})
			edits := []struct {
				name string
				do   func()
			}{
				{"add on a new day", func() { e.write(e.newEntryWithout("summary", 5)) }},
				{"add on a day", func() { e.write(e.newEntryWithout("", 2)) }},
				{"title", func() { editFile(t, e.path(tide), "title: ", "title: Renamed ") }},
				{"lead", func() { editFile(t, e.path(fog), "Thick fog", "Dense fog") }},
				{"tail", func() { appendTo(t, e.path(gale), "\nA closing line.\n") }},
				{"summary", func() { editFile(t, e.path(tide), "summary: The", "summary: Now the") }},
				{"move", func() {
					data := strings.Replace(e.read(tide), "date: 2026-03-02", "date: 2026-03-06", 1)
					os.Remove(e.path(tide))
					e.write("content/2026/03/06/tide-tables-reprinted.md", data)
				}},
				{"another month", func() { e.write(e.newEntryDated("2026-02-27")) }},
				{"another year", func() { e.write(e.newEntryDated("2025-12-31")) }},
				{"topics", func() { editFile(t, e.path(gale), "topics: [weather]", "topics: [harbour]") }},
				{"featured", func() { editFile(t, e.path(gale), "title: ", "featured: true\ntitle: ") }},
				{"remove", func() { os.Remove(e.path(fog)) }},
				{"config", func() { editFile(t, e.path("digest.yaml"), "per_page: 2", "per_page: 1") }},
				{"language", func() { editFile(t, e.path("digest.yaml"), "language: en-GB", "language: de") }},
				{"strings", func() { e.write("digest.yaml", e.read("digest.yaml")+"strings:\n  other_news: Elsewhere\n") }},
				{"static", func() { appendTo(t, e.path("static/css/site.css"), "\n.x{color:red}\n") }},
			}
			for _, edit := range edits {
				edit.do()
				if _, err := Build(BuildOptions{Site: dir, Out: out, Now: fixtureNow}); err != nil {
					t.Fatalf("%s: %v", edit.name, err)
				}
				cold := build(t, BuildOptions{Site: dir, Now: fixtureNow, NoCache: true})
				if diff := treeDiff(t, out, cold); diff != "" {
					t.Fatalf("snippet %s\nafter %s, warm and cold builds differ: %s", snippet, edit.name, diff)
				}
			}
		})
	}
}

// newEntryWithout is a new entry of the given day with no summary when
// without is "summary", and its path.
func (e *editor) newEntryWithout(without string, day int) (string, string) {
	rel, data := e.newEntry(day)
	if without == "summary" {
		data = summaryRe.ReplaceAllString(data, "")
	}
	return rel, data
}

// newEntryDated is a new entry of the given day (YYYY-MM-DD), and its path.
func (e *editor) newEntryDated(day string) (string, string) {
	rel, data := e.newEntry(1)
	rel = "content/" + strings.ReplaceAll(day, "-", "/") + "/" + filepath.Base(rel)
	return rel, dateRe.ReplaceAllString(data, "date: "+day+" 12:00")
}
