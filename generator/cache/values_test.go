package cache

import (
	"fmt"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/deps"
	"github.com/digest-news/digest/generator/site"
)

// valuesSite is a model of entries, each "file: title" on a day of its own
// but the ones sharing a day.
func valuesSite(t *testing.T, titles map[string]string) (*site.Site, *Units) {
	t.Helper()
	cfg, err := content.ParseConfig([]byte("title: T\nbase_url: https://example.org/\n"))
	if err != nil {
		t.Fatal(err)
	}
	var entries []*content.Entry
	for file, title := range titles {
		data := fmt.Sprintf("---\ntitle: %s\ndate: 2026-03-0%c 10:00\n---\n\nBody of %s.\n", title, file[len("content/2026/03/0")], file)
		e, err := content.ParseEntry(file, []byte(data), cfg)
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, e)
	}
	content.SortNewestFirst(entries)
	s := site.New(cfg, entries, site.Options{Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
	front := func(a *site.Article) Key { return NewHasher().String(a.Title).Sum() }
	return s, NewUnits(s, front, front)
}

// Changes finds exactly the units whose value moved, and Touches the lists
// that read one of them.
func TestChangesFindWhatMoved(t *testing.T) {
	files := map[string]string{"content/2026/03/01/a.md": "A", "content/2026/03/02/b.md": "B", "content/2026/03/03/c.md": "C"}
	_, before := valuesSite(t, files)
	recorded := before.encodedValues()

	_, same := valuesSite(t, files)
	if c := same.Changes(recorded); !c.known || len(c.ids) != 0 {
		t.Errorf("an unchanged model has changes %v", c.ids)
	}

	files["content/2026/03/02/b.md"] = "B retitled"
	s, after := valuesSite(t, files)
	c := after.Changes(recorded)
	var b *site.Article
	for _, a := range s.Articles {
		if a.Entry.File == "content/2026/03/02/b.md" {
			b = a
		}
	}
	want := map[string]uint32{b.Entry.File: 1<<deps.Article | 1<<deps.Body}
	if len(c.ids) != len(want) || c.ids[b.Entry.File] != want[b.Entry.File] {
		t.Errorf("changes %v, want %v", c.ids, want)
	}
	read := func(units ...deps.Unit) string { return deps.Join(after, units) }
	for _, tt := range []struct {
		name  string
		list  string
		wants bool
	}{
		{"its front matter", read(deps.Unit{Kind: deps.Article, Obj: int32(b.Index)}), true},
		{"its summary only", read(deps.Unit{Kind: deps.Summary, Obj: int32(b.Index)}), false},
		{"its day's list", read(deps.Unit{Kind: deps.Day, Obj: int32(b.Day.Index)}), false},
		{"the site's articles", read(deps.Unit{Kind: deps.Articles}), false},
		{"nothing", "", false},
		{"a damaged list", "no tab\n", true},
	} {
		if got := c.Touches(tt.list); got != tt.wants {
			t.Errorf("Touches(%s) = %v, want %v", tt.name, got, tt.wants)
		}
	}

	delete(files, "content/2026/03/01/a.md")
	_, fewer := valuesSite(t, files)
	if c := fewer.Changes(recorded); c.ids["content/2026/03/01/a.md"] == 0 {
		t.Errorf("a removed article is not a change: %v", c.ids)
	}
	if c := after.Changes(""); c.known || !c.Touches("") {
		t.Error("without recorded values every list must count as touched")
	}
	if c := after.Changes(recorded[:len(recorded)-3]); c.known {
		t.Error("damaged values were taken")
	}
}

// A unit's value worked out alone, before Prepare, is its value in the
// table Prepare makes.
func TestValueAloneIsTableValue(t *testing.T) {
	files := map[string]string{"content/2026/03/01/a.md": "A", "content/2026/03/02/b.md": "B",
		"content/2026/03/02/c.md": "C", "content/2026/03/04/d.md": "D"}
	s, u := valuesSite(t, files)
	var units []deps.Unit
	for k := deps.Article; k <= deps.Updated; k++ {
		for i := range u.count(k) {
			units = append(units, deps.Unit{Kind: k, Obj: int32(i)})
		}
	}
	alone := make([]Key, len(units))
	for i, x := range units {
		alone[i] = u.Value(x)
	}
	u.Prepare()
	distinct := map[Key]bool{}
	for i, x := range units {
		if got := u.Value(x); got != alone[i] {
			t.Errorf("unit %v: %x alone, %x in the table", x, alone[i], got)
		}
		distinct[alone[i]] = true
	}
	if len(s.Articles) != 4 || len(distinct) < len(units)/2 {
		t.Errorf("%d articles, %d distinct values of %d units", len(s.Articles), len(distinct), len(units))
	}
}

// A record's objects the model no longer has, of a kind it has none of
// now, are changed (and no lookup of a value fails).
func TestChangesOfGoneKinds(t *testing.T) {
	files := map[string]string{"content/2026/03/01/a.md": "A", "content/2026/03/02/b.md": "B"}
	_, before := valuesSite(t, files)
	recorded := before.encodedValues()
	_, empty := valuesSite(t, map[string]string{})
	c := empty.Changes(recorded)
	for _, id := range []string{"content/2026/03/01/a.md", "content/2026/03/02/b.md"} {
		if c.ids[id]&(1<<deps.Article) == 0 {
			t.Errorf("%s: changes %b", id, c.ids[id])
		}
	}
}
