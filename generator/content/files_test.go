package content

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
)

const siteConfig = "title: T\nbase_url: https://example.org/\n"

// site writes files (slash paths, relative to a fresh folder) and returns the folder.
func site(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func mkfifo(t *testing.T, p string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
}

// within5s runs f, failing the test when it has not returned in 5 s: a
// regression then fails instead of hanging the test run.
func within5s(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("still running after 5 s")
	}
}

// load runs Load in a goroutine, with a deadline.
func load(t *testing.T, fsys fs.FS) ([]*Entry, error) {
	t.Helper()
	var entries []*Entry
	var err error
	within5s(t, func() { _, entries, err = Load(fsys) })
	return entries, err
}

// wantErrors checks that err holds exactly errors starting with want, in order.
func wantErrors(t *testing.T, err error, want ...string) {
	t.Helper()
	got := Errors(err)
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(got), len(want), err)
	}
	for i, w := range want {
		if !strings.HasPrefix(got[i].Error(), w) {
			t.Errorf("error %d = %q, want prefix %q", i, got[i], w)
		}
	}
}

func TestFIFOEntry(t *testing.T) {
	dir := site(t, map[string]string{ConfigFile: siteConfig,
		"content/2026/11/18/good.md": "---\ntitle: G\ndate: 2026-11-18\n---\n"})
	mkfifo(t, filepath.Join(dir, "content/2026/11/18/x.md"))
	mkfifo(t, filepath.Join(dir, "content/2026/11/18/pipe.txt"))
	for _, fsys := range []fs.FS{DirFS(dir), os.DirFS(dir)} {
		_, err := load(t, fsys)
		wantErrors(t, err, "content/2026/11/18/x.md: not a regular file; ")
	}
	// Past the listing (a FIFO made after it): the read itself refuses.
	cfg, _ := ParseConfig([]byte(siteConfig))
	for _, drop := range []bool{false, true} {
		var err error
		within5s(t, func() {
			_, err = ParseFilesWith(DirFS(dir), []string{"content/2026/11/18/x.md"}, cfg, Hooks{DropBodies: drop})
		})
		wantErrors(t, err, "content/2026/11/18/x.md: not a regular file")
	}
	within5s(t, func() {
		var buf []byte
		if _, _, err := ReadBody(filepath.Join(dir, "content/2026/11/18/x.md"), "x.md", &buf); !errors.Is(err, ErrNotRegular) {
			t.Errorf("ReadBody of a FIFO: %v", err)
		}
	})
}

func TestFIFOConfig(t *testing.T) {
	dir := t.TempDir()
	mkfifo(t, filepath.Join(dir, ConfigFile))
	for _, fsys := range []fs.FS{DirFS(dir), os.DirFS(dir)} {
		var err error
		within5s(t, func() { _, err = LoadConfig(fsys) })
		wantErrors(t, err, "digest.yaml: not a regular file; ")
	}
}

func TestDirFSRefusesSpecialFiles(t *testing.T) {
	dir := site(t, map[string]string{"templates/base.html": "<p>", "static/a.css": "a{}"})
	mkfifo(t, filepath.Join(dir, "templates/pipe.html"))
	symlink(t, "/dev/zero", filepath.Join(dir, "static/zero.css"))
	fsys := DirFS(dir)
	within5s(t, func() {
		for _, name := range []string{"templates/pipe.html", "static/zero.css"} {
			if _, err := fs.ReadFile(fsys, name); !errors.Is(err, ErrNotRegular) {
				t.Errorf("ReadFile(%s) = %v, want ErrNotRegular", name, err)
			}
			if f, err := fsys.Open(name); !errors.Is(err, ErrNotRegular) {
				t.Errorf("Open(%s) = %v, want ErrNotRegular", name, err)
				if f != nil {
					f.Close()
				}
			}
		}
		if data, err := fs.ReadFile(fsys, "static/a.css"); err != nil || string(data) != "a{}" {
			t.Errorf("ReadFile of a plain file = %q, %v", data, err)
		}
		var walked []string
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			walked = append(walked, p)
			return err
		})
		if err != nil || len(walked) != 7 {
			t.Errorf("WalkDir = %v, %v", walked, err)
		}
		if _, err := fs.Sub(fsys, "templates"); err != nil {
			t.Error(err)
		}
		if f, err := fsys.Open("templates/base.html"); err != nil {
			t.Error(err)
		} else {
			b := make([]byte, 8)
			n, err := f.Read(b)
			f.Close()
			if err != nil || string(b[:n]) != "<p>" {
				t.Errorf("Read = %q, %v", b[:n], err)
			}
		}
	})
}

func TestLinkToDevice(t *testing.T) {
	dir := site(t, map[string]string{ConfigFile: siteConfig})
	symlink(t, "/dev/zero", filepath.Join(dir, "content/2026/11/18/zero.md"))
	_, err := load(t, DirFS(dir))
	wantErrors(t, err, "content/2026/11/18/zero.md: a link to outside the site (/dev/zero); copy the file in instead")
	_, err = load(t, os.DirFS(dir))
	wantErrors(t, err, "content/2026/11/18/zero.md: not a regular file")
}

func TestEntryTooLarge(t *testing.T) {
	dir := site(t, map[string]string{ConfigFile: siteConfig,
		"content/2026/11/18/ok.md": "---\ntitle: G\ndate: 2026-11-18\n---\n" + strings.Repeat("x", 3<<20)})
	huge := filepath.Join(dir, "content/2026/11/18/huge.md")
	if err := os.WriteFile(huge, []byte("---\ntitle: H\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, 6<<30); err != nil { // sparse: no disk taken
		t.Skip("no sparse files here:", err)
	}
	const want = "content/2026/11/18/huge.md: the file is 6 GiB, over the limit of 4 MiB (max_entry_size); shorten it, or raise max_entry_size in digest.yaml"
	for _, fsys := range []fs.FS{DirFS(dir), os.DirFS(dir)} {
		_, err := load(t, fsys)
		wantErrors(t, err, want)
	}
	cfg, _ := ParseConfig([]byte(siteConfig))
	var err error
	within5s(t, func() {
		_, err = ParseFilesWith(DirFS(dir), []string{"content/2026/11/18/huge.md"}, cfg, Hooks{DropBodies: true})
	})
	wantErrors(t, err, want)

	if err := os.WriteFile(filepath.Join(dir, ConfigFile), []byte(siteConfig+"max_entry_size: 1MB\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = load(t, DirFS(dir))
	wantErrors(t, err, "content/2026/11/18/huge.md: the file is 6 GiB, over the limit of 1 MB",
		"content/2026/11/18/ok.md: the file is 3.0 MiB, over the limit of 1 MB (max_entry_size)")
}

func TestConfigTooLarge(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, ConfigFile)
	if err := os.WriteFile(p, []byte(siteConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(p, 3<<30); err != nil {
		t.Skip("no sparse files here:", err)
	}
	for _, fsys := range []fs.FS{DirFS(dir), os.DirFS(dir)} {
		var err error
		within5s(t, func() { _, err = LoadConfig(fsys) })
		wantErrors(t, err, "digest.yaml: the file is 3 GiB, over the limit of 1 MiB; shorten it")
	}
}

func TestEntryNamesAndSkipped(t *testing.T) {
	entry := "---\ntitle: S\ndate: 2026-11-18\n---\n"
	dir := site(t, map[string]string{ConfigFile: siteConfig,
		"content/2026/11/18/story.markdown": entry,
		"content/2026/11/19/story.MD":       entry,
		"content/2026/11/20/story.Markdown": entry,
		"content/2026/11/20/notes.txt":      "not an entry",
		"content/2026/11/20/story.md~":      "a backup",
		"content/2026/11/20/photo.JPG":      "a picture",
		"content/2026/11/20/chart.svg":      "a picture",
		"content/2026/11/20/.story.md.swp":  "hidden",
		"content/_drafts/draft.md":          "ignored",
		"content/README":                    "no extension",
	})
	for _, fsys := range []fs.FS{DirFS(dir), os.DirFS(dir)} {
		var l Listing
		var err error
		within5s(t, func() { l, err = ListEntries(fsys) })
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"content/2026/11/18/story.markdown", "content/2026/11/19/story.MD", "content/2026/11/20/story.Markdown"}
		if !reflect.DeepEqual(l.Files, want) {
			t.Errorf("files %q, want %q", l.Files, want)
		}
		skipped := []string{"content/2026/11/20/notes.txt", "content/2026/11/20/story.md~", "content/README"}
		if !reflect.DeepEqual(l.Skipped, skipped) {
			t.Errorf("skipped %q, want %q", l.Skipped, skipped)
		}
	}
}
