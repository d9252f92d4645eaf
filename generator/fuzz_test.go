package generator

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/digest-news/digest/generator/content"
)

// FuzzBuild writes a small site whose one entry is the fuzzer's bytes and
// builds it: the build either succeeds, twice to the same bytes, or fails
// with an error that names the entry; it never panics or hangs.
func FuzzBuild(f *testing.F) {
	f.Add([]byte("---\ntitle: A\ndate: 2026-03-01\n---\nBody.\n"))
	f.Add([]byte("---\ntitle: [\ndate: 2026-03-01\n---\n"))
	f.Add([]byte("---\ntitle: A\ndate: 2026-03-01\nsummary: \"\\u0000\"\n---\n# h\n\n[x](javascript:alert(1))\n"))
	f.Add([]byte("---\ntitle: A\ndate: 9999-12-31T23:00:00-05:00\nimage: {url: data:x}\n---\n\t\t\t<<<<\n"))
	f.Fuzz(func(t *testing.T, entry []byte) {
		dir := t.TempDir()
		cfg := "title: Fuzz\nbase_url: https://fuzz.example/\n"
		if err := os.WriteFile(filepath.Join(dir, "digest.yaml"), []byte(cfg), 0o644); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, "content", "2026", "03", "01", "fuzz.md")
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, entry, 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "public")
		_, err := Build(BuildOptions{Site: dir, Out: out, Now: fixtureNow})
		if err != nil {
			var ce *content.Error
			if !errors.As(err, &ce) && !strings.Contains(err.Error(), "fuzz.md") {
				t.Fatalf("the error does not name the entry: %v", err)
			}
			if _, serr := os.Stat(out); serr == nil {
				t.Fatalf("a failed build left an output folder")
			}
			return
		}
		cold := filepath.Join(t.TempDir(), "public")
		if _, err := Build(BuildOptions{Site: dir, Out: cold, Now: fixtureNow, NoCache: true}); err != nil {
			t.Fatalf("the second build failed: %v", err)
		}
		if diff := treeDiff(t, out, cold); diff != "" {
			t.Fatalf("two builds differ: %s", diff)
		}
	})
}
