package generator

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// Unsafe links are published as their text, with a warning naming the
// entry's file and line; files under content/ that are not entries are
// named too. The build succeeds and its feeds are valid.
func TestBuildWarnsOfWhatItDrops(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, "testdata/site", dir)
	entry := "content/2026/03/02/tide-tables-reprinted.md"
	data, err := os.ReadFile(filepath.Join(dir, entry))
	if err != nil {
		t.Fatal(err)
	}
	line := bytes.Count(data, []byte("\n")) + 2 // after the blank line appended below
	appendTo(t, filepath.Join(dir, entry), "\nSee [the tables](javascript:alert(1)) here.\n")
	if err := os.WriteFile(filepath.Join(dir, "content/2026/03/02/notes.txt"), []byte("mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(BuildOptions{Site: dir, Out: out, Now: fixtureNow, Log: &log}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"warning: " + entry + ":" + strconv.Itoa(line) + ": unsafe link javascript:",
		"warning: content/2026/03/02/notes.txt: not read",
	} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("the log lacks %q:\n%s", want, log.String())
		}
	}
	page, err := os.ReadFile(filepath.Join(out, "2026/03/02/tide-tables-reprinted/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(page, []byte("the tables")) || bytes.Contains(page, []byte("javascript:")) {
		t.Errorf("the page should keep the link's text and drop the link")
	}
}

// TestSizeWarnsPastGitHubPages: an output past Pages' 1 GB draws a warning
// with its size; one within it none.
func TestSizeWarnsPastGitHubPages(t *testing.T) {
	var w warnings
	w.size("/x/public", pagesLimit)
	if len(w.list) != 0 {
		t.Errorf("warned at the limit: %v", w.list)
	}
	w.size("/x/public", 1_530_000_000)
	if len(w.list) != 1 || !strings.Contains(w.list[0], "public: 1.53 GB: GitHub Pages publishes sites of at most 1 GB") {
		t.Errorf("warnings %q", w.list)
	}
}
