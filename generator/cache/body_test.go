package cache

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/content"
)

// Bodies are dropped once parsed and read again for conversion; a file
// changed in between is an error, not a page that mixes two versions.
func TestBodyReadAgain(t *testing.T) {
	site := t.TempDir()
	write := func(name, data string) {
		t.Helper()
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("digest.yaml", "title: T\nbase_url: https://example.org/\n")
	write("content/2026/03/02/a.md", "---\ntitle: A\ndate: 2026-03-02 09:00\n---\n\nThe body of A.\n")
	long := strings.Repeat("A longer body. ", 2000)
	write("content/2026/03/02/b.md", "---\ntitle: B\ndate: 2026-03-02 10:00\n---\n\n"+long+"\n")

	fsys := content.DirFS(site)
	cfg, err := content.LoadConfig(fsys)
	if err != nil {
		t.Fatal(err)
	}
	set := NewEntrySet(site, Key{}, nil, 2)
	entries, err := content.ParseFilesWith(fsys, []string{"content/2026/03/02/a.md", "content/2026/03/02/b.md"}, cfg, set.Hooks(cfg, nil))
	set.Close()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"A": "\nThe body of A.\n", "B": "\n" + long + "\n"}
	for _, e := range entries {
		if e.Body != nil {
			t.Errorf("%s: body kept after parsing (%d bytes)", e.File, len(e.Body))
		}
		body, release, err := set.Body(e)
		if err != nil {
			t.Fatal(err)
		}
		if string(body) != want[e.Title] {
			t.Errorf("%s: body read again %q, want %q", e.File, body, want[e.Title])
		}
		release()
	}

	later := time.Now().Add(time.Minute)
	write("content/2026/03/02/a.md", "---\ntitle: A\ndate: 2026-03-02 09:00\n---\n\nEdited meanwhile.\n")
	os.Chtimes(filepath.Join(site, "content/2026/03/02/a.md"), later, later)
	for _, e := range entries {
		_, _, err := set.Body(e)
		if e.Title == "A" && (err == nil || !strings.Contains(err.Error(), "changed during the build")) {
			t.Errorf("body of an entry edited since parsing: error %v, want one that says so", err)
		}
		if e.Title == "B" && err != nil {
			t.Errorf("unchanged entry: %v", err)
		}
	}
}
