package feed

import (
	"bytes"
	"strings"
	"testing"
)

// Only builds the files Files builds, byte for byte, less the feeds it is told to skip.
func TestOnly(t *testing.T) {
	s := testSite(t, "https://news.example.org/")
	body := testBody
	all, err := Files(s, body)
	if err != nil {
		t.Fatal(err)
	}
	some, err := Only(s, body, func(p string) bool { return !strings.HasPrefix(p, "topics/") && p != "atom.xml" })
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string][]byte{}
	for _, f := range all {
		byPath[f.Path] = f.Data
	}
	skipped := 0
	for _, f := range all {
		if strings.HasPrefix(f.Path, "topics/") || f.Path == "atom.xml" {
			skipped++
		}
	}
	if skipped == 0 || len(some) != len(all)-skipped {
		t.Fatalf("Only built %d files of %d, skipping %d", len(some), len(all), skipped)
	}
	for _, f := range some {
		if !bytes.Equal(f.Data, byPath[f.Path]) {
			t.Errorf("%s differs from Files'", f.Path)
		}
	}
}
