package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func TestLoadReportsEveryBadEntry(t *testing.T) {
	fsys := fstest.MapFS{
		"digest.yaml":                        {Data: []byte("title: T\nbase_url: https://example.org/\n")},
		"content/2026/11/18/good.md":         {Data: []byte("---\ntitle: Good\ndate: 2026-11-18\n---\nx\n")},
		"content/2026/11/18/no-title.md":     {Data: []byte("---\ndate: 2026-11-18\n---\n")},
		"content/2026/11/19/bad-date.md":     {Data: []byte("---\ntitle: B\ndate: yesterday\n---\n")},
		"content/2026/11/19/same.md":         {Data: []byte("---\ntitle: S\ndate: 2026-11-19\n---\n")},
		"content/2026/11/19/other.md":        {Data: []byte("---\ntitle: S2\ndate: 2026-11-19\nslug: same\n---\n")},
		"content/2026/11/19/.hidden.md":      {Data: []byte("not an entry")},
		"content/2026/11/19/notes.txt":       {Data: []byte("not an entry")},
		"content/_drafts/ignored/ignored.md": {Data: []byte("not an entry")},
	}
	_, _, err := Load(fsys)
	if err == nil {
		t.Fatal("no error")
	}
	got := Errors(err)
	want := []string{
		"content/2026/11/18/no-title.md:2: title is missing",
		"content/2026/11/19/bad-date.md:3: date",
		"content/2026/11/19/same.md:1: same date and slug as content/2026/11/19/other.md",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(got), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i].Error(), w) {
			t.Errorf("error %d = %q, want prefix %q", i, got[i], w)
		}
	}
}

func TestLoadSortsNewestFirst(t *testing.T) {
	fsys := fstest.MapFS{
		"digest.yaml":               {Data: []byte("title: T\nbase_url: https://example.org/\n")},
		"content/2026/11/18/b.md":   {Data: []byte("---\ntitle: B\ndate: 2026-11-18 09:00\n---\n")},
		"content/2026/11/18/a.md":   {Data: []byte("---\ntitle: A\ndate: 2026-11-18 09:00\n---\n")},
		"content/2026/11/19/new.md": {Data: []byte("---\ntitle: N\ndate: 2026-11-19\n---\n")},
	}
	_, entries, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	var slugs []string
	for _, e := range entries {
		slugs = append(slugs, e.Slug)
	}
	if got := strings.Join(slugs, ","); got != "new,a,b" {
		t.Errorf("order %s, want new,a,b", got)
	}
}

func FuzzParseEntry(f *testing.F) {
	f.Add([]byte("---\ntitle: A\ndate: 2026-11-18\ntopics: [economy]\nimage: {url: x}\n---\nBody\n"))
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\ntitle: [\n"))
	cfg, err := ParseConfig([]byte("title: T\nbase_url: https://example.org/\ntopics:\n  economy: {}\n"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := ParseEntry("e.md", data, cfg)
		if err == nil && (e.Title == "" || e.Date.IsZero()) {
			t.Errorf("accepted an entry without title or date: %q", data)
		}
		for _, ce := range Errors(err) {
			if ce.File != "e.md" {
				t.Errorf("error without the file name: %v", ce)
			}
		}
	})
}

func TestListingUnchanged(t *testing.T) {
	dir := t.TempDir()
	day := filepath.Join(dir, "content", "2026", "01", "02")
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(day, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	age := func() { // a day back: a listing trusts only folders older than a second
		old := time.Now().Add(-24 * time.Hour)
		filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				err = os.Chtimes(p, old, old)
			}
			return err
		})
	}
	fsys := os.DirFS(dir)
	list := func() Listing {
		t.Helper()
		l, err := ListEntries(fsys)
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	if err := os.MkdirAll(day, 0o755); err != nil {
		t.Fatal(err)
	}
	write("a.md", "x")
	if l := list(); l.Unchanged(fsys) {
		t.Error("a listing of folders changed just now is trusted")
	}
	age()
	l := list()
	if len(l.Files) != 1 || !l.Unchanged(fsys) {
		t.Fatalf("listing of aged folders: files %v, unchanged %v", l.Files, l.Unchanged(fsys))
	}
	write("a.md", "edited in place")
	if !l.Unchanged(fsys) {
		t.Error("an edit in place counts as a change of the listing")
	}
	write("b.md", "y")
	if l.Unchanged(fsys) {
		t.Error("a file added to a folder went unseen")
	}
	age()
	l = list()
	if err := os.Remove(filepath.Join(day, "b.md")); err != nil {
		t.Fatal(err)
	}
	if l.Unchanged(fsys) {
		t.Error("a file removed went unseen")
	}
	age()
	l = list()
	if err := os.Mkdir(filepath.Join(dir, "content", "2026", "01", "03"), 0o755); err != nil {
		t.Fatal(err)
	}
	if l.Unchanged(fsys) {
		t.Error("a folder added went unseen")
	}
}

// With DropBodies, entries are read into reused buffers and come back
// without bodies, otherwise as parsed; ReadBody gives the body again.
func TestParseDroppingBodies(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"content/2026/11/18/a.md": "---\ntitle: A\ndate: 2026-11-18 09:00\ntopics: [x, y]\n---\nBody of A.\n",
		"content/2026/11/18/b.md": "---\ntitle: \"B\"\nsummary: Short.\ndate: 2026-11-18 10:00\n---\n" + strings.Repeat("Long body. ", 3000),
	}
	var names []string
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	cfg, err := ParseConfig([]byte("title: T\nbase_url: https://example.org/\n"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := ParseFiles(DirFS(dir), names, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 { // buffers are reused from the second round on
		got, err := ParseFilesWith(DirFS(dir), names, cfg, Hooks{DropBodies: true})
		if err != nil {
			t.Fatal(err)
		}
		for i, e := range got {
			if e.Body != nil {
				t.Errorf("%s: body kept", e.File)
			}
			w := *want[i]
			body := w.Body
			w.Body = nil
			if !reflect.DeepEqual(*e, w) {
				t.Errorf("%s: parsed\n %+v\nwant\n %+v", e.File, *e, w)
			}
			var buf []byte
			again, _, err := ReadBody(filepath.Join(dir, filepath.FromSlash(e.File)), e.File, &buf)
			if err != nil || string(again) != string(body) {
				t.Errorf("%s: ReadBody = %q, %v; want %q", e.File, again, err, body)
			}
		}
	}
}
