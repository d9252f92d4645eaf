package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestMinifyByType(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // substrings the output keeps
		gone     []string // substrings it drops
	}{
		{"index.html", "<!doctype html>\n<html lang=en>\n<head>\n<title>T</title>\n</head>\n<body>\n<p>one</p>\n<p>two</p>\n<form><button type=\"submit\">Go</button><input type=\"text\"></form>\n</body>\n</html>\n",
			[]string{"<!doctype html><html lang=en><head>", "<head>", "</head>", "<body>", "</body>", "</html>", "</p>", `type="submit"`, `type="text"`}, []string{"\n<p>"}},
		{"feed.xml", "<?xml version=\"1.0\"?>\n<rss>\n  <channel>\n    <title>T</title>\n  </channel>\n</rss>\n",
			[]string{"<channel><title>T</title></channel>"}, []string{"\n  "}},
		{"style.css", "body {\n  color : red ;\n}\n", []string{"body{color:red}"}, nil},
		{"feed.json", "{\n  \"a\": [1, 2]\n}\n", []string{`{"a":[1,2]}`}, nil},
		{"robots.txt", "User-agent: *\n\nAllow: /\n", []string{"User-agent: *\n\nAllow: /\n"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Minify(tt.name, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(got), w) {
					t.Errorf("output lacks %q:\n%s", w, got)
				}
			}
			for _, g := range tt.gone {
				if strings.Contains(string(got), g) {
					t.Errorf("output keeps %q:\n%s", g, got)
				}
			}
		})
	}
}

func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func mtime(t *testing.T, name string) time.Time {
	t.Helper()
	info, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	return info.ModTime()
}

// past sets a file's modification time back, so a rewrite would show.
func past(t *testing.T, name string) time.Time {
	t.Helper()
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	if err := os.Chtimes(name, old, old); err != nil {
		t.Fatal(err)
	}
	return old
}

func TestWriter(t *testing.T) {
	tests := []struct {
		name   string
		abort  bool
		want   map[string]string
		reused bool // same.html keeps its mtime
	}{
		{"commit", false, map[string]string{"same.html": "same", "a/new.html": "new"}, true},
		{"abort", true, map[string]string{"same.html": "same", "old.html": "old"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			if _, err := Write(out, []File{{Path: "same.html", Data: []byte("same")}, {Path: "old.html", Data: []byte("old")}}); err != nil {
				t.Fatal(err)
			}
			old := past(t, filepath.Join(out, "same.html"))
			w, err := NewWriter(out)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range []File{{Path: "same.html", Data: []byte("same")}, {Path: "a/new.html", Data: []byte("new")}} {
				if _, err := w.Write(f.Path, f.Data); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := w.Write("../escape.html", nil); err == nil {
				t.Error("a path leaving the folder was written")
			}
			if tt.abort {
				w.Abort()
			} else {
				res, err := w.Commit()
				if err != nil {
					t.Fatal(err)
				}
				if res.Files != 2 || res.Written != 1 {
					t.Errorf("result %+v, want 2 files, 1 written", res)
				}
			}
			if got := tree(t, out); len(got) != len(tt.want) || got["same.html"] != "same" {
				t.Errorf("output %v, want %v", got, tt.want)
			} else {
				for k, v := range tt.want {
					if got[k] != v {
						t.Errorf("%s = %q, want %q", k, got[k], v)
					}
				}
			}
			if m := mtime(t, filepath.Join(out, "same.html")); !m.Equal(old) {
				t.Errorf("unchanged file rewritten: mtime %v, want %v", m, old)
			}
			if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.new-*")); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
}

// TestWriterWithoutExchange publishes a first and a second output the way
// a file system without an exchange of folders (macOS, most but Linux) does.
func TestWriterWithoutExchange(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	for _, page := range []string{"first", "second"} {
		w, err := NewWriter(out)
		if err != nil {
			t.Fatal(err)
		}
		w.probe.noExchange = true
		if _, err := w.Write("index.html", []byte(page)); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Commit(); err != nil {
			t.Fatalf("%s output: %v", page, err)
		}
		if got, err := os.ReadFile(filepath.Join(out, "index.html")); err != nil || string(got) != page {
			t.Fatalf("%s output: index.html holds %q (%v)", page, got, err)
		}
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".public.*")); len(left) > 0 {
		t.Errorf("left beside the output: %v", left)
	}
}

func TestWriterReuse(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Write(out, []File{{Path: "p/index.html", Data: []byte("page")}}); err != nil {
		t.Fatal(err)
	}
	old := past(t, filepath.Join(out, "p/index.html"))
	stamp := Stamp{Size: 4, MTime: old.UnixNano()}
	w, err := NewWriter(out)
	if err != nil {
		t.Fatal(err)
	}
	if w.Reuse("p/index.html", Stamp{Size: 4, MTime: 1}) {
		t.Error("reused a file whose stamp differs")
	}
	if !w.Reuse("p/index.html", stamp) {
		t.Fatal("did not reuse an unchanged file")
	}
	if _, err := w.Commit(); err != nil {
		t.Fatal(err)
	}
	if m := mtime(t, filepath.Join(out, "p/index.html")); !m.Equal(old) {
		t.Errorf("mtime %v, want %v", m, old)
	}
}

func TestUpdater(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Write(out, []File{{Path: "keep.html", Data: []byte("keep")}, {Path: "same.html", Data: []byte("same")},
		{Path: "change.html", Data: []byte("v1")}, {Path: "gone/deep/index.html", Data: []byte("stale")}}); err != nil {
		t.Fatal(err)
	}
	keepTime := past(t, filepath.Join(out, "keep.html"))
	sameTime := past(t, filepath.Join(out, "same.html"))
	u := NewUpdater(out)
	if !u.Keep("keep.html", Stamp{Size: 4, MTime: keepTime.UnixNano()}) {
		t.Error("Keep refused an unchanged file")
	}
	if u.Keep("change.html", Stamp{Size: 2, MTime: 1}) {
		t.Error("Keep accepted a file whose stamp differs")
	}
	if _, same, err := u.Put("same.html", []byte("same")); err != nil || !same {
		t.Errorf("Put of equal bytes: same=%v err=%v", same, err)
	}
	if _, same, err := u.Put("change.html", []byte("v2")); err != nil || same {
		t.Errorf("Put of new bytes: same=%v err=%v", same, err)
	}
	if got := tree(t, out)["change.html"]; got != "v1" {
		t.Errorf("changed before Commit: %q", got)
	}
	if _, _, err := u.Put("../x", nil); err == nil {
		t.Error("a path leaving the folder was accepted")
	}
	res, stamps, err := u.Commit([]string{"gone/deep/index.html", "../outside"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"keep.html": "keep", "same.html": "same", "change.html": "v2"}
	got := tree(t, out)
	if len(got) != len(want) {
		t.Errorf("output %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "gone")); !os.IsNotExist(err) {
		t.Errorf("empty folders of a stale file left: %v", err)
	}
	if !mtime(t, filepath.Join(out, "keep.html")).Equal(keepTime) || !mtime(t, filepath.Join(out, "same.html")).Equal(sameTime) {
		t.Error("an unchanged file was rewritten")
	}
	if st, ok := stamps["change.html"]; !ok || st.Size != 2 || len(stamps) != 1 {
		t.Errorf("stamps %v", stamps)
	}
	if res.Written != 1 || res.Files != 3 {
		t.Errorf("result %+v", res)
	}
}

func TestWriterRemovesLeftoversOfKilledBuilds(t *testing.T) {
	root := t.TempDir()
	out := filepath.Join(root, "public")
	left := filepath.Join(root, ".public.new-123", "a")
	if err := os.MkdirAll(left, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(out, []File{{Path: "index.html", Data: []byte("x")}}); err != nil {
		t.Fatal(err)
	}
	list, _ := os.ReadDir(root)
	if len(list) != 1 || list[0].Name() != "public" {
		t.Errorf("beside the output: %v, want public alone", list)
	}
}
