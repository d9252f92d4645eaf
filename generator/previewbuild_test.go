package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The preview's builds: told what changed, private output, in one process,
// the edited pages published first (PagesReady). Each must match a build
// without cache.
func TestPreviewBuildsMatchColdBuild(t *testing.T) {
	const entry = "content/2026/03/02/tide-tables-reprinted.md"
	const added = "content/2026/03/03/a-new-entry.md"
	const inject = "<script>reload()</script>"
	steps := []struct {
		name    string
		edit    func(t *testing.T, dir string)
		changed []string
	}{
		{"body", func(t *testing.T, dir string) { appendTo(t, filepath.Join(dir, entry), "\nMore.\n") }, []string{entry}},
		{"title", func(t *testing.T, dir string) {
			editFile(t, filepath.Join(dir, entry), "title: ", "title: Renamed ")
		}, []string{entry}},
		{"added", func(t *testing.T, dir string) {
			os.MkdirAll(filepath.Join(dir, filepath.Dir(added)), 0o755)
			data := "---\ntitle: A new entry\ndate: 2026-03-03 09:00\n---\n\nBody.\n"
			if err := os.WriteFile(filepath.Join(dir, added), []byte(data), 0o644); err != nil {
				t.Fatal(err)
			}
		}, []string{"content/2026/03/03", added}},
		{"removed", func(t *testing.T, dir string) { os.Remove(filepath.Join(dir, entry)) }, []string{entry}},
		{"events lost", func(t *testing.T, dir string) { appendTo(t, filepath.Join(dir, added), "\nLost.\n") }, []string{"."}},
		{"after lost", func(t *testing.T, dir string) { appendTo(t, filepath.Join(dir, added), "\nAgain.\n") }, []string{added}},
	}
	dir := t.TempDir()
	copyTree(t, "testdata/site", dir)
	out := filepath.Join(t.TempDir(), "site")
	var told []string // what the output held each time the tabs were told
	mode := &Preview{Inject: inject, Changed: []string{}, Memo: &Memo{},
		PagesReady: func() {
			data, _ := os.ReadFile(filepath.Join(out, "2026/03/02/tide-tables-reprinted/index.html"))
			told = append(told, string(data))
		}}
	opts := BuildOptions{Site: dir, Out: out, Now: fixtureNow, Preview: mode}
	if _, err := Build(opts); err != nil {
		t.Fatal(err)
	}
	for _, s := range steps {
		s.edit(t, dir)
		mode.Changed = s.changed
		told = nil
		res, err := Build(opts)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if s.name == "title" && (len(told) != 2 || !strings.Contains(told[0], "Renamed")) {
			t.Errorf("title: the tabs were told %d times, want 2 (the edited page first, with its new title, then the rest)", len(told))
		}
		if res.Rendered == res.Pages {
			t.Errorf("%s: every page rendered again", s.name)
		}
		cold := build(t, BuildOptions{Site: dir, Now: fixtureNow, NoCache: true, Preview: &Preview{Inject: inject}})
		sameTrees(t, out, cold)
	}
}
