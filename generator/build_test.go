package generator

import (
	"bytes"
	"flag"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	digest "github.com/digest-news/digest"
	"github.com/digest-news/digest/generator/publish"
	"github.com/digest-news/digest/generator/search"
)

var update = flag.Bool("update", false, "rewrite the golden output under testdata/golden")

// fixtureNow is the build time of the fixture site: after its entries, before its future one.
var fixtureNow = time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)

// readTree reads every file under dir into a map keyed by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	tree := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		tree[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

func build(t *testing.T, opts BuildOptions) string {
	t.Helper()
	if opts.Out == "" {
		opts.Out = filepath.Join(t.TempDir(), "public")
	}
	if _, err := Build(opts); err != nil {
		t.Fatalf("build %s: %v", opts.Site, err)
	}
	return opts.Out
}

// writeFile writes data to dir/name (a slash path), making its folders.
func writeFile(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeFiles writes each file of files (by slash path) under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		writeFile(t, dir, name, data)
	}
}

// TestGolden builds testdata/site and compares the whole output tree with
// testdata/golden (unminified, to stay readable). Regenerate with -update.
func TestGolden(t *testing.T) {
	out := build(t, BuildOptions{Site: "testdata/site", NoMinify: true, Now: fixtureNow})
	got := readTree(t, out)
	for p := range got {
		// Theme files are copied as they are: the theme is their golden file.
		if _, err := fs.Stat(digest.Theme, "static/"+p); err == nil {
			delete(got, p)
		}
	}
	golden := filepath.Join("testdata", "golden")
	if *update {
		os.RemoveAll(golden)
		for p, data := range got {
			f := filepath.Join(golden, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(f), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(f, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := readTree(t, golden)
	for p, data := range want {
		if g, ok := got[p]; !ok {
			t.Errorf("%s is missing from the output", p)
		} else if !bytes.Equal(g, data) {
			t.Errorf("%s differs from the golden file (run go test ./generator -run TestGolden -update and review the diff)", p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			t.Errorf("%s is new in the output", p)
		}
	}
}

func TestFixtureLeavesOutDraftsAndFuture(t *testing.T) {
	out := build(t, BuildOptions{Site: "testdata/site", Now: fixtureNow})
	tree := readTree(t, out)
	for _, p := range []string{"2026/03/03/unfinished-draft/index.html", "2099/01/01/from-the-future/index.html"} {
		if _, ok := tree[p]; ok {
			t.Errorf("%s was published", p)
		}
	}
	out = build(t, BuildOptions{Site: "testdata/site", Now: fixtureNow, Drafts: true, Future: true})
	tree = readTree(t, out)
	for _, p := range []string{"2026/03/03/unfinished-draft/index.html", "2099/01/01/from-the-future/index.html"} {
		if _, ok := tree[p]; !ok {
			t.Errorf("%s is missing with --drafts --future", p)
		}
	}
	if string(tree["CNAME"]) != "news.example.org\n" {
		t.Errorf("CNAME = %q", tree["CNAME"])
	}
	if _, ok := tree[".nojekyll"]; !ok {
		t.Error(".nojekyll is missing")
	}
}

func TestStaleFilesDisappear(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, "testdata/site", dir)
	out := build(t, BuildOptions{Site: dir, Now: fixtureNow})
	gone := "2026/03/02/tide-tables-reprinted/index.html"
	if _, err := os.Stat(filepath.Join(out, gone)); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "content/2026/03/02/tide-tables-reprinted.md"))
	build(t, BuildOptions{Site: dir, Out: out, Now: fixtureNow})
	if _, err := os.Stat(filepath.Join(out, gone)); !os.IsNotExist(err) {
		t.Errorf("%s of a removed entry is still there", gone)
	}
}

func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, "testdata/site", dir)
	out := build(t, BuildOptions{Site: dir, Now: fixtureNow})
	before := readTree(t, out)
	bad := filepath.Join(dir, "content/2026/03/02/broken.md")
	if err := os.WriteFile(bad, []byte("---\ntitle: Broken\ndate: not a date\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Build(BuildOptions{Site: dir, Out: out, Now: fixtureNow})
	if err == nil || !strings.Contains(err.Error(), "content/2026/03/02/broken.md:3: date") {
		t.Fatalf("error = %v, want file:line of the bad date", err)
	}
	after := readTree(t, out)
	if len(after) != len(before) {
		t.Fatalf("output changed from %d to %d files", len(before), len(after))
	}
	for p, data := range before {
		if !bytes.Equal(after[p], data) {
			t.Errorf("%s changed after a failed build", p)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 {
		t.Errorf("the failed build left %d entries beside the output, want only public", len(entries))
	}
}

func copyTree(t testing.TB, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			if d.Name() == "public" || strings.HasPrefix(d.Name(), ".") && rel != "." {
				return fs.SkipDir
			}
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestWrittenMinimal: the outputs published without the minifier are already
// what it would make of them.
func TestWrittenMinimal(t *testing.T) {
	out := build(t, BuildOptions{Site: "testdata/site", Now: fixtureNow})
	names := slices.Collect(maps.Keys(writtenMinimal))
	// and every feed, minified by parts (feed.TestMinifiedByParts)
	feeds := 0
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if rel, _ := filepath.Rel(out, p); err == nil && isFeedFile(filepath.ToSlash(rel)) {
			names = append(names, filepath.ToSlash(rel))
			feeds++
		}
		return err
	})
	if feeds < 4 {
		t.Errorf("%d feeds, want the site's and its topics'", feeds)
	}
	for _, dir := range []string{search.ShardDir, search.RecordDir} {
		files, _ := filepath.Glob(filepath.Join(out, filepath.FromSlash(dir), "*.json"))
		if len(files) == 0 {
			t.Errorf("no files in %s", dir)
		}
		for _, f := range files {
			names = append(names, dir+filepath.Base(f))
		}
	}
	for _, name := range names {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		min, err := publish.Minify(name, bytes.Clone(data))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(min, data) {
			t.Errorf("%s: the minifier would still change it:\n%.300s\nto\n%.300s", name, data, min)
		}
	}
}
