package generator

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/cache"
)

// warmSite copies the fixture site and builds it once, priming the cache.
func warmSite(t *testing.T) (dir, out string) {
	t.Helper()
	dir = t.TempDir()
	copyTree(t, "testdata/site", dir)
	ageFolders(t, filepath.Join(dir, "content"))
	out = filepath.Join(t.TempDir(), "public")
	build(t, BuildOptions{Site: dir, Out: out, Now: fixtureNow})
	return dir, out
}

// ageFolders dates the folders under dir a day back, so that a build trusts
// their listing (content.ListEntries distrusts folders changed just now).
func ageFolders(t *testing.T, dir string) {
	t.Helper()
	old := time.Now().Add(-24 * time.Hour)
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			err = os.Chtimes(p, old, old)
		}
		return err
	})
}

// sameTrees fails the test when the two output folders differ.
func sameTrees(t *testing.T, got, want string) {
	t.Helper()
	g, w := readTree(t, got), readTree(t, want)
	for p, data := range w {
		if !bytes.Equal(g[p], data) {
			t.Errorf("%s differs from a build without cache", p)
		}
	}
	for p := range g {
		if _, ok := w[p]; !ok {
			t.Errorf("%s is not in a build without cache", p)
		}
	}
}

func mtimes(t *testing.T, dir string) map[string]int64 {
	t.Helper()
	m := map[string]int64{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			info, _ := d.Info()
			m[p] = info.ModTime().UnixNano()
		}
		return err
	})
	return m
}

func TestWarmBuildMatchesColdBuild(t *testing.T) {
	edits := map[string]func(t *testing.T, dir string){
		"body": func(t *testing.T, dir string) {
			appendTo(t, filepath.Join(dir, "content/2026/03/02/tide-tables-reprinted.md"), "\nA new closing line.\n")
		},
		"title": func(t *testing.T, dir string) {
			editFile(t, filepath.Join(dir, "content/2026/03/02/tide-tables-reprinted.md"), "title: ", "title: Renamed ")
		},
		"lead": func(t *testing.T, dir string) { // an entry without a summary shows its lead in lists
			editFile(t, filepath.Join(dir, "content/2026/03/02/fog-delays-the-ferry.md"), "Thick fog", "Dense fog")
		},
		"tail": func(t *testing.T, dir string) {
			appendTo(t, filepath.Join(dir, "content/2026/03/02/fog-delays-the-ferry.md"), "\nThe crew apologised.\n")
		},
		"removed": func(t *testing.T, dir string) {
			os.Remove(filepath.Join(dir, "content/2026/03/02/tide-tables-reprinted.md"))
		},
		"added": func(t *testing.T, dir string) {
			copyFile(t, filepath.Join(dir, "content/2026/03/02/tide-tables-reprinted.md"),
				filepath.Join(dir, "content/2026/03/02/tide-tables-again.md"), "title: ", "title: Again, ")
		},
		"added in a new folder": func(t *testing.T, dir string) {
			os.MkdirAll(filepath.Join(dir, "content/2026/03/09"), 0o755)
			copyFile(t, filepath.Join(dir, "content/2026/03/02/tide-tables-reprinted.md"),
				filepath.Join(dir, "content/2026/03/09/tide-tables-again.md"), "title: ", "title: Again, ")
		},
		"updated": func(t *testing.T, dir string) { // the sitemap dates pages by their newest update
			editFile(t, filepath.Join(dir, "content/2026/03/03/gales-expected-by-thursday.md"), "updated: 2026-03-03T12:00:00Z", "updated: 2026-03-04T08:00:00Z")
		},
		"topics": func(t *testing.T, dir string) { // the search index names an article's topics
			editFile(t, filepath.Join(dir, "content/2026/03/03/gales-expected-by-thursday.md"), "topics: [weather]", "topics: [weather, harbour]")
		},
		"config": func(t *testing.T, dir string) {
			editFile(t, filepath.Join(dir, "digest.yaml"), "title: ", "title: New ")
		},
	}
	for name, edit := range edits {
		t.Run(name, func(t *testing.T) {
			dir, out := warmSite(t)
			before := mtimes(t, out)
			edit(t, dir)
			res, err := Build(BuildOptions{Site: dir, Out: out, Now: fixtureNow})
			if err != nil {
				t.Fatal(err)
			}
			cold := build(t, BuildOptions{Site: dir, Now: fixtureNow, NoCache: true})
			sameTrees(t, out, cold)
			if (name == "body" || name == "tail") && res.Rendered != 1 {
				// the lead is unchanged, so no other page shows anything new
				t.Errorf("rendered %d of %d pages after an edit below the lead, want the article's own", res.Rendered, res.Pages)
			}
			if name == "lead" && (res.Rendered < 2 || res.Rendered == res.Pages) {
				t.Errorf("rendered %d of %d pages after an edit of the lead, want the pages showing it", res.Rendered, res.Pages)
			}
			if name == "body" {
				after := mtimes(t, out)
				changed := 0
				for p, m := range after {
					if before[p] != m {
						changed++
					}
				}
				if changed == 0 || int64(changed) != res.Written {
					t.Errorf("%d files have a new mtime, the build says it wrote %d", changed, res.Written)
				}
			}
		})
	}
}

func TestRepeatedBuildsInOneProcess(t *testing.T) {
	dir, out := warmSite(t)
	memo := &Memo{}
	for i := range 3 {
		appendTo(t, filepath.Join(dir, "content/2026/03/02/tide-tables-reprinted.md"), "\nMore.\n")
		res, err := Build(BuildOptions{Site: dir, Out: out, Now: fixtureNow, Preview: &Preview{Inject: "<script>reload()</script>", Memo: memo}})
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 && res.Rendered == res.Pages {
			t.Errorf("build %d rendered %d pages", i, res.Rendered)
		}
	}
	cold := build(t, BuildOptions{Site: dir, Now: fixtureNow, NoCache: true, Preview: &Preview{Inject: "<script>reload()</script>"}})
	sameTrees(t, out, cold)
}

func TestCorruptCacheIsIgnored(t *testing.T) {
	dir, out := warmSite(t)
	files, _ := filepath.Glob(filepath.Join(dir, cache.Dir, "*"))
	if len(files) < 2 {
		t.Fatalf("cache holds %d files, want entries and outputs", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		data[len(data)/2] ^= 0xff
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	appendTo(t, filepath.Join(dir, "content/2026/03/02/tide-tables-reprinted.md"), "\nAfter the damage.\n")
	res, err := Build(BuildOptions{Site: dir, Out: out, Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	if res.Rendered != res.Pages {
		t.Errorf("rendered %d of %d pages with a damaged cache, want all", res.Rendered, res.Pages)
	}
	sameTrees(t, out, build(t, BuildOptions{Site: dir, Now: fixtureNow, NoCache: true}))
}

func appendTo(t *testing.T, file, text string) {
	t.Helper()
	f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}

func editFile(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s has no %q", file, old)
	}
	if err := os.WriteFile(file, bytes.Replace(data, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// copyFile writes a copy of src to dst with the first old replaced by new.
func copyFile(t *testing.T, src, dst, old, new string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// An entry may be a symbolic link to a file inside the site; an edit of
// the file it points to counts.
func TestWarmBuildSeesEditBehindSymlink(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, "testdata/site", dir)
	entry := filepath.Join(dir, "content/2026/03/02/tide-tables-reprinted.md")
	if err := os.MkdirAll(filepath.Join(dir, "drafts"), 0o755); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "drafts", "tide.md")
	copyFile(t, entry, target, "", "")
	if err := os.Remove(entry); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, entry); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	ageFolders(t, filepath.Join(dir, "content"))
	out := filepath.Join(t.TempDir(), "public")
	build(t, BuildOptions{Site: dir, Out: out, Now: fixtureNow})
	editFile(t, target, "title: ", "title: Renamed ")
	if _, err := Build(BuildOptions{Site: dir, Out: out, Now: fixtureNow}); err != nil {
		t.Fatal(err)
	}
	sameTrees(t, out, build(t, BuildOptions{Site: dir, Now: fixtureNow, NoCache: true}))
}

// Output files changed or removed by hand are made again, even though no
// entry changed.
func TestWarmBuildRestoresOutputsChangedByHand(t *testing.T) {
	dir, out := warmSite(t)
	page := filepath.Join(out, "2026/03/02/tide-tables-reprinted/index.html")
	appendTo(t, page, "<!-- edited by hand -->")
	if err := os.Remove(filepath.Join(out, "feed.xml")); err != nil {
		t.Fatal(err)
	}
	res, err := Build(BuildOptions{Site: dir, Out: out, Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	sameTrees(t, out, build(t, BuildOptions{Site: dir, Now: fixtureNow, NoCache: true}))
	if res.Written != 2 {
		t.Errorf("wrote %d files, want the 2 changed by hand", res.Written)
	}
}

// Folders written just before a build are listed again by the next build,
// which saves their times even when it parsed only the one edited entry:
// else every later build would list the folders again.
func TestListingOfNewFoldersIsTrustedOnceAged(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, "testdata/site", dir)
	out := filepath.Join(t.TempDir(), "public")
	build(t, BuildOptions{Site: dir, Out: out, Now: fixtureNow})
	distrusted := func() int {
		t.Helper()
		e := cache.Open(dir, nil).Entries()
		if e == nil || len(e.Folders) == 0 {
			t.Fatal("no cached listing")
		}
		n := 0
		for _, mtime := range e.Folders {
			if mtime < 0 {
				n++
			}
		}
		return n
	}
	if distrusted() == 0 {
		t.Fatal("folders written just now were trusted")
	}
	ageFolders(t, filepath.Join(dir, "content"))
	appendTo(t, filepath.Join(dir, "content/2026/03/02/tide-tables-reprinted.md"), "\nOne more line.\n")
	build(t, BuildOptions{Site: dir, Out: out, Now: fixtureNow})
	if n := distrusted(); n != 0 {
		t.Errorf("after a build of aged folders, %d folders are still distrusted in the cache", n)
	}
}

// An edit of the same size whose modification time was put back (cp -p,
// rsync -a, tar x) is still seen: the file's inode or change time moved.
func TestWarmBuildSeesEditWithRestoredTime(t *testing.T) {
	dir, out := warmSite(t)
	entry := filepath.Join(dir, "content/2026/03/02/tide-tables-reprinted.md")
	info, err := os.Stat(entry)
	if err != nil {
		t.Fatal(err)
	}
	editFile(t, entry, "title: Tide", "title: Tidy")
	if err := os.Chtimes(entry, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	if now, _ := os.Stat(entry); now.Size() != info.Size() || !now.ModTime().Equal(info.ModTime()) {
		t.Fatal("the edit should keep the size and time")
	}
	if _, err := Build(BuildOptions{Site: dir, Out: out, Now: fixtureNow}); err != nil {
		t.Fatal(err)
	}
	sameTrees(t, out, build(t, BuildOptions{Site: dir, Now: fixtureNow, NoCache: true}))
}
