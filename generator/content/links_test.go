package content

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func entryText(title, date string) string {
	return "---\ntitle: " + title + "\ndate: " + date + "\n---\nBody.\n"
}

func TestLinksInsideTheSiteAreFollowed(t *testing.T) {
	dir := site(t, map[string]string{ConfigFile: siteConfig,
		"archive/19/a.md":            entryText("A", "2026-11-19"),
		"shared/b.md":                entryText("B", "2026-11-18"),
		"content/2026/11/18/c.md":    entryText("C", "2026-11-18"),
		"content/2026/11/20/note.md": entryText("N", "2026-11-20"),
	})
	symlink(t, "../../../archive/19", filepath.Join(dir, "content/2026/11/19"))
	symlink(t, "../../../../shared/b.md", filepath.Join(dir, "content/2026/11/18/b.md"))
	// A link to a link to a file: both inside.
	symlink(t, "note.md", filepath.Join(dir, "content/2026/11/20/alias.txt"))
	entries, err := load(t, DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		files = append(files, e.File)
	}
	want := []string{"content/2026/11/20/note.md", "content/2026/11/19/a.md", "content/2026/11/18/b.md", "content/2026/11/18/c.md"}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("entries %q, want %q", files, want)
	}
	l, err := ListEntries(DirFS(dir))
	if err != nil || !reflect.DeepEqual(l.Skipped, []string{"content/2026/11/20/alias.txt"}) {
		t.Errorf("skipped %q, %v", l.Skipped, err)
	}
	if _, ok := l.Folders["content/2026/11/19"]; !ok {
		t.Errorf("the linked folder has no time in the listing: %v", l.Folders)
	}
}

func TestLinksOutOfTheSiteAreRefused(t *testing.T) {
	outside := site(t, map[string]string{"x.md": entryText("X", "2026-11-18"), "day/y.md": entryText("Y", "2026-11-18")})
	outside, _ = filepath.EvalSymlinks(outside)
	dir := site(t, map[string]string{ConfigFile: siteConfig})
	symlink(t, filepath.Join(outside, "x.md"), filepath.Join(dir, "content/2026/11/18/x.md"))
	symlink(t, filepath.Join(outside, "day"), filepath.Join(dir, "content/2026/11/19"))
	symlink(t, filepath.Join(outside, "x.md"), filepath.Join(dir, "content/2026/11/18/notes.txt")) // never read
	_, err := load(t, DirFS(dir))
	wantErrors(t, err,
		"content/2026/11/18/x.md: a link to outside the site ("+filepath.Join(outside, "x.md")+"); copy the file in instead",
		"content/2026/11/19: a link to outside the site ("+filepath.Join(outside, "day")+"); copy the file in instead")

	// The content folder itself.
	dir2 := site(t, map[string]string{ConfigFile: siteConfig})
	symlink(t, outside, filepath.Join(dir2, Dir))
	_, err = load(t, DirFS(dir2))
	wantErrors(t, err, "content: a link to outside the site ("+outside+")")
}

func TestLinkLoops(t *testing.T) {
	dir := site(t, map[string]string{ConfigFile: siteConfig,
		"content/2026/11/18/a.md": entryText("A", "2026-11-18"),
		"content/2026/11/19/b.md": entryText("B", "2026-11-19"),
	})
	symlink(t, "..", filepath.Join(dir, "content/2026/11/up"))
	symlink(t, "../19", filepath.Join(dir, "content/2026/11/18/next"))
	symlink(t, "../18", filepath.Join(dir, "content/2026/11/19/prev"))
	symlink(t, "self.md", filepath.Join(dir, "content/2026/11/20/self.md"))
	symlink(t, "gone.md", filepath.Join(dir, "content/2026/11/20/broken.md"))
	_, err := load(t, DirFS(dir))
	wantErrors(t, err,
		"content/2026/11/18/next/prev: a link back to a folder that holds it",
		"content/2026/11/19/prev/next: a link back to a folder that holds it",
		"content/2026/11/20/broken.md: a link to nothing (gone.md)",
		"content/2026/11/20/self.md: a link that cannot be followed",
		"content/2026/11/up: a link back to a folder that holds it")
}

// An fs.FS other than DirFS has no folder on disk to compare targets with:
// links to files are followed as before, links to folders are skipped, and
// listed as such.
func TestLinksInOtherFS(t *testing.T) {
	dir := site(t, map[string]string{ConfigFile: siteConfig,
		"archive/19/a.md":         entryText("A", "2026-11-19"),
		"content/2026/11/18/c.md": entryText("C", "2026-11-18"),
	})
	symlink(t, "../../../archive/19", filepath.Join(dir, "content/2026/11/19"))
	symlink(t, "c.md", filepath.Join(dir, "content/2026/11/18/d.md"))
	symlink(t, "..", filepath.Join(dir, "content/2026/11/up"))
	l, err := ListEntries(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"content/2026/11/18/c.md", "content/2026/11/18/d.md"}; !reflect.DeepEqual(l.Files, want) {
		t.Errorf("files %q, want %q", l.Files, want)
	}
	if want := []string{"content/2026/11/19", "content/2026/11/up"}; !reflect.DeepEqual(l.Skipped, want) {
		t.Errorf("skipped %q, want %q", l.Skipped, want)
	}
}
