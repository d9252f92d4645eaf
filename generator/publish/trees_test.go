package publish

import (
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// site is an old output and the change a build makes of it: pages published
// first (by Flush, in the preview), then feeds, and stale files removed.
type site struct {
	old, pages, feeds map[string]string
	stale             []string
}

// testSite has n old pages in 20 folders, and changes a third of them.
func testSite(n int) site {
	s := site{old: map[string]string{}, pages: map[string]string{}, feeds: map[string]string{}}
	for i := range n {
		name := fmt.Sprintf("d%02d/p%03d.html", i%20, i)
		s.old[name] = fmt.Sprintf("old page %d %s", i, strings.Repeat("x", i%50))
		if i%3 == 0 {
			s.pages[name] = fmt.Sprintf("new page %d", i)
		}
	}
	for i := range n / 60 {
		s.pages[fmt.Sprintf("new/%02d/index.html", i)] = fmt.Sprintf("added page %d", i)
		gone := fmt.Sprintf("gone/%02d/index.html", i)
		s.old[gone] = "stale"
		s.stale = append(s.stale, gone)
	}
	for _, name := range []string{"index.html", "feed.xml", "sitemap.xml"} {
		s.old[name] = "old " + name
		s.feeds[name] = "new " + name
	}
	return s
}

// flushed is the output after the pages were published, before the feeds.
func (s site) flushed() map[string]string {
	m := maps.Clone(s.old)
	maps.Copy(m, s.pages)
	return m
}

func (s site) next() map[string]string {
	m := s.flushed()
	maps.Copy(m, s.feeds)
	for _, name := range s.stale {
		delete(m, name)
	}
	return m
}

// changes are the pages and then the feeds, in a fixed order.
func (s site) changes() []File {
	var files []File
	for _, m := range []map[string]string{s.pages, s.feeds} {
		for _, name := range slices.Sorted(maps.Keys(m)) {
			files = append(files, File{Path: name, Data: []byte(m[name])})
		}
	}
	return files
}

// linkTree makes dst a copy of the folder src whose files are hard links of
// src's: no commit writes into a file it did not create, and making files
// is the slow part of a test that starts from the same tree many times.
func linkTree(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.Mkdir(filepath.Join(dst, rel), 0o755)
		}
		return os.Link(p, filepath.Join(dst, rel))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// snapshot is what dir holds: its files with their bytes, and its folders.
// skipStages leaves out the stage folders of in-place commits.
type snapshot struct {
	files map[string]string
	dirs  map[string]bool
}

func snap(t testing.TB, dir string, skipStages bool) (snapshot, bool) {
	t.Helper()
	s := snapshot{files: map[string]string{}, dirs: map[string]bool{}}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == ".":
		case d.IsDir() && skipStages && strings.HasPrefix(d.Name(), stagePrefix):
			return filepath.SkipDir
		case d.IsDir():
			s.dirs[rel] = true
		default:
			data, err := os.ReadFile(p)
			s.files[rel] = string(data)
			return err
		}
		return nil
	})
	if os.IsNotExist(err) {
		return s, false
	}
	if err != nil {
		t.Fatal(err)
	}
	return s, true
}

// is reports whether the snapshot holds exactly files, and only the folders
// they are in.
func (s snapshot) is(files map[string]string) bool {
	if !maps.Equal(s.files, files) {
		return false
	}
	dirs := map[string]bool{}
	for name := range files {
		for d := path.Dir(name); d != "."; d = path.Dir(d) {
			dirs[d] = true
		}
	}
	return maps.Equal(s.dirs, dirs)
}

// diff describes how the snapshot differs from files, for a failure message.
func (s snapshot) diff(files map[string]string) string {
	var b strings.Builder
	n := 0
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if got, ok := s.files[name]; !ok || got != files[name] {
			if n++; n <= 5 {
				fmt.Fprintf(&b, " %s=%q (want %q);", name, got, files[name])
			}
		}
	}
	for name := range s.files {
		if _, ok := files[name]; !ok {
			if n++; n <= 10 {
				fmt.Fprintf(&b, " extra %s;", name)
			}
		}
	}
	return fmt.Sprintf("%d files differ:%s", n, b.String())
}

// besideOnly fails unless the folder holding out holds out alone.
func besideOnly(t testing.TB, out string) {
	t.Helper()
	list, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Name() != filepath.Base(out) {
		var names []string
		for _, e := range list {
			names = append(names, e.Name())
		}
		t.Errorf("beside the output: %v, want %s alone", names, filepath.Base(out))
	}
}
