package publish

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFolderStamp(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "a/b"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a/b/file.html"), []byte("twelve bytes"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("b/file.html", filepath.Join(dir, "a/link.html")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	info, err := os.Stat(filepath.Join(dir, "a/b/file.html"))
	if err != nil {
		t.Fatal(err)
	}
	file := stampOf(info)
	tests := []struct {
		folder, name string
		follow       bool
		want         Stamp
		ok           bool
	}{
		{dir, "a/b/file.html", false, file, true},
		{dir, "a/b/file.html", true, file, true},
		{filepath.Join(dir, "a"), "b/file.html", false, file, true},
		{dir, "a/link.html", true, file, true},
		{dir, "a/link.html", false, Stamp{}, false}, // an output must be a file of its own
		{dir, "a/b", false, Stamp{}, false},
		{dir, "a/missing.html", true, Stamp{}, false},
		{dir, "../" + filepath.Base(dir) + "/a/b/file.html", false, Stamp{}, false},
		{dir, "/a/b/file.html", false, Stamp{}, false},
		{filepath.Join(dir, "gone"), "a/b/file.html", false, Stamp{}, false},
	}
	for _, tt := range tests {
		f := OpenFolder(tt.folder)
		got, ok := f.Stamp(tt.name, tt.follow)
		f.Close()
		if got != tt.want || ok != tt.ok {
			t.Errorf("OpenFolder(%s).Stamp(%q, follow %v) = %v, %v; want %v, %v", tt.folder, tt.name, tt.follow, got, ok, tt.want, tt.ok)
		}
	}
}
