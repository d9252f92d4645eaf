package generator

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOutFolderIsGuarded builds with --out pointing at what a build must
// never replace, and checks that each is refused with a reason and left as
// it was.
func TestOutFolderIsGuarded(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "site")
	copyTree(t, "testdata/site", dir)
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	docs := filepath.Join(dir, "docs")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(docs, "notes.txt"), []byte("my notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, root)
	for _, c := range []struct{ out, says string }{
		{dir, "holds the site itself"},
		{root, "holds the site itself"},
		{filepath.Join(dir, ".."), "holds the site itself"},
		{filepath.Join(dir, "content"), "the site's content"},
		{filepath.Join(dir, "content", "2026"), "the site's content"},
		{filepath.Join(dir, "templates", "new"), "the site's templates"},
		{filepath.Join(dir, ".digest-cache"), "the site's .digest-cache"},
		{filepath.Join(dir, "README.md"), "is a file"},
		{docs, "holds files digest did not write (notes.txt"},
	} {
		_, err := Build(BuildOptions{Site: dir, Out: c.out, Now: fixtureNow})
		if err == nil || !strings.Contains(err.Error(), c.says) || !strings.Contains(err.Error(), "--out") {
			t.Errorf("--out %s: got %v, want an error saying %q", c.out, err, c.says)
		}
	}
	sameMaps(t, readTree(t, root), before)

	// A folder of one's own, once built, may be built again; --force takes
	// over a folder of other files.
	build(t, BuildOptions{Site: dir, Out: filepath.Join(dir, "public"), Now: fixtureNow})
	build(t, BuildOptions{Site: dir, Out: filepath.Join(dir, "public"), Now: fixtureNow, NoCache: true})
	build(t, BuildOptions{Site: dir, Out: docs, Now: fixtureNow, Force: true})
	if _, err := os.Stat(filepath.Join(docs, MarkerFile)); err != nil {
		t.Errorf("the output folder carries no marker: %v", err)
	}
	build(t, BuildOptions{Site: dir, Out: docs, Now: fixtureNow, NoCache: true})
}

func sameMaps(t *testing.T, got, want map[string][]byte) {
	t.Helper()
	for name, data := range want {
		if g, ok := got[name]; !ok {
			t.Errorf("%s is gone", name)
		} else if string(g) != string(data) {
			t.Errorf("%s changed", name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s appeared", name)
		}
	}
}

// A file of the site's own to publish as it is (a verification file, say)
// goes in static/: it is in the output after a small build, which updates
// the folder in place, and after a big one, which replaces it.
func TestStaticFilesSurviveEveryBuild(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, "testdata/site", dir)
	copyTheme(t, dir)
	verify := filepath.Join(dir, "static", "google123.html")
	if err := os.WriteFile(verify, []byte("google-site-verification: google123.html\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	build(t, BuildOptions{Site: dir, Out: out, Now: fixtureNow})
	appendTo(t, filepath.Join(dir, "content/2026/03/02/tide-tables-reprinted.md"), "\nMore.\n") // a small build
	build(t, BuildOptions{Site: dir, Out: out, Now: fixtureNow})
	if _, err := os.Stat(filepath.Join(out, "google123.html")); err != nil {
		t.Errorf("after a small build: %v", err)
	}
	editFile(t, filepath.Join(dir, "digest.yaml"), "title: ", "title: New ") // every page changes
	build(t, BuildOptions{Site: dir, Out: out, Now: fixtureNow})
	if data, err := os.ReadFile(filepath.Join(out, "google123.html")); err != nil || !strings.Contains(string(data), "google123") {
		t.Errorf("after a big build: %v", err)
	}
}
