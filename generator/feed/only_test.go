package feed

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/digest-news/digest/generator/site"
)

// Each builds the files it builds unasked, byte for byte, less the feeds it is told to skip.
func TestEachSkipsWhatIsUnwanted(t *testing.T) {
	s := testSite(t, "https://news.example.org/")
	body := testBody
	all, err := allFiles(s, body)
	if err != nil {
		t.Fatal(err)
	}
	some, err := someFiles(s, body, func(p string) bool { return !strings.HasPrefix(p, "topics/") && p != "atom.xml" })
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

// allFiles and someFiles collect what Each makes, in path order.
func allFiles(s *site.Site, body Content) ([]File, error) { return someFiles(s, body, nil) }

func someFiles(s *site.Site, body Content, want func(string) bool) ([]File, error) {
	var mu sync.Mutex
	var list []File
	err := Each(s, body, nil, want, func(f File) error {
		mu.Lock()
		defer mu.Unlock()
		list = append(list, f)
		return nil
	})
	slices.SortFunc(list, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return list, err
}
