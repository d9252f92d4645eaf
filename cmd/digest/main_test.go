package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// site writes a small valid site into a temp dir and returns it.
func site(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write(t, dir, "digest.yaml", "title: T\nbase_url: https://example.org/\ntopics:\n  economy: {name: Economy}\n")
	write(t, dir, "content/2026/11/18/good.md", "---\ntitle: Good\ndate: 2026-11-18 07:30\ntopics: [economy]\n---\nBody.\n")
	return dir
}

func write(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBuildBadEntries(t *testing.T) {
	tests := []struct{ name, file, src, want string }{
		{"missing title", "content/2026/11/18/a.md", "---\ndate: 2026-11-18\n---\n", "content/2026/11/18/a.md:2: title is missing"},
		{"missing date", "content/2026/11/18/a.md", "---\ntitle: A\n---\n", "content/2026/11/18/a.md:2: date is missing"},
		{"bad date", "content/2026/11/18/a.md", "---\ntitle: A\ndate: 2026-13-45\n---\n", "content/2026/11/18/a.md:3: date"},
		{"wrong type", "content/2026/11/18/a.md", "---\ntitle: A\ndate: 2026-11-18\nfeatured: maybe\n---\n", "content/2026/11/18/a.md:4:"},
		{"unknown key", "content/2026/11/18/a.md", "---\ntitle: A\ndate: 2026-11-18\nauthor: Me\n---\n", "content/2026/11/18/a.md:4:"},
		{"unknown topic", "content/2026/11/18/a.md", "---\ntitle: A\ndate: 2026-11-18\ntopics:\n  - economy\n  - sport\n---\n", "content/2026/11/18/a.md:4: unknown topic sport"},
		{"config unknown key", "digest.yaml", "title: T\nbase_url: https://example.org/\ncolour: blue\n", "digest.yaml:3:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := site(t)
			var stderr bytes.Buffer
			if code := run([]string{"build", "--site", dir, "--quiet"}, &stderr); code != 0 {
				t.Fatalf("first build: exit %d: %s", code, stderr.String())
			}
			index := filepath.Join(dir, "public", "2026", "11", "18", "good", "index.html")
			before, err := os.ReadFile(index)
			if err != nil {
				t.Fatal(err)
			}
			write(t, dir, tt.file, tt.src)
			stderr.Reset()
			code := run([]string{"build", "--site", dir, "--quiet"}, &stderr)
			if code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if !strings.Contains(stderr.String(), tt.want) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tt.want)
			}
			after, err := os.ReadFile(index)
			if err != nil || !bytes.Equal(before, after) {
				t.Errorf("the previous output changed after a failed build")
			}
		})
	}
}

func TestBuildReportsEveryBadEntry(t *testing.T) {
	dir := site(t)
	write(t, dir, "content/2026/11/18/a.md", "---\ndate: 2026-11-18\n---\n")
	write(t, dir, "content/2026/11/19/b.md", "---\ntitle: B\ndate: someday\n---\n")
	var stderr bytes.Buffer
	if code := run([]string{"build", "--site", dir}, &stderr); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	for _, w := range []string{"content/2026/11/18/a.md:2:", "content/2026/11/19/b.md:3:"} {
		if !strings.Contains(stderr.String(), w) {
			t.Errorf("stderr %q lacks %q", stderr.String(), w)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"nonsense"}, {"build", "--no-such-flag"}, {"build", "extra-arg"}} {
		var stderr bytes.Buffer
		if code := run(args, &stderr); code != 2 {
			t.Errorf("digest %v: exit %d, want 2", args, code)
		}
	}
	var stderr bytes.Buffer
	if code := run([]string{"build", "--help"}, &stderr); code != 0 || !strings.Contains(stderr.String(), "-base-url") {
		t.Errorf("build --help: exit %d, output %q", code, stderr.String())
	}
}
