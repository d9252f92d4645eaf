package ingest

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/content"
)

var update = flag.Bool("update", false, "rewrite the golden entries in testdata/golden")

// TestGoldenEntries cleans each layout sample of testdata/raw (our own
// writing) and compares the whole entry file with testdata/golden/NAME.md.
// After an intended change: go test -run TestGoldenEntries -update.
func TestGoldenEntries(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "raw", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no samples in testdata/raw")
	}
	cfg, err := content.ParseConfig([]byte("title: T\nbase_url: https://example.org/\ntopics:\n  politics:\n    keywords: [minister, parliament]\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			a := CleanText(string(raw), time.UTC)
			d := MakeEntry(&a, EntryOptions{Config: cfg, Now: time.Date(2026, 1, 2, 3, 4, 0, 0, time.UTC)})
			got, err := d.Bytes()
			if err != nil {
				t.Fatal(err)
			}
			got = append([]byte("# "+d.File+"\n"), got...)
			golden := filepath.Join("testdata", "golden", name+".md")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("entry differs from %s (-update to accept):\n--- got\n%s\n--- want\n%s", golden, got, want)
			}
		})
	}
}
