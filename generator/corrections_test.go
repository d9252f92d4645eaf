package generator

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

// TestCorrectionsAndExpiry reads the built pages and feeds of a site with a
// corrected entry, an expired one and one that expires later.
func TestCorrectionsAndExpiry(t *testing.T) {
	dir := historySite(t, 12)
	writeEntry(t, dir, "corrected", time.Date(2026, 5, 20, 9, 0, 0, 0, time.UTC), "alpha",
		"corrections:\n  - {date: 2026-05-21 10:00, text: \"An earlier version gave the wrong year.\"}\n"+
			"  - {date: 2026-05-22 11:30, text: \"The mayor's name is Ann, not Anne.\"}\n")
	writeEntry(t, dir, "gone", time.Date(2026, 5, 19, 9, 0, 0, 0, time.UTC), "alpha", "expires: 2026-05-25\n")
	writeEntry(t, dir, "later", time.Date(2026, 5, 18, 9, 0, 0, 0, time.UTC), "beta", "expires: 2026-06-10\n")
	out := filepath.Join(t.TempDir(), "public")
	opts := BuildOptions{Site: dir, Out: out, Now: historyNow}
	build(t, opts)
	tree := readTree(t, out)

	page := string(tree["2026/05/20/corrected/index.html"])
	newer, older := strings.Index(page, "The mayor"), strings.Index(page, "An earlier version")
	if newer < 0 || older < newer || !strings.Contains(page, `"correction":[{"@type":"CorrectionComment","datePublished":"2026-05-22T11:30:00Z"`) {
		t.Errorf("the article lacks its corrections, newest first, or their JSON-LD")
	}
	const id = "tag:history.example,2026-05-20:corrected"
	items := map[string]*gofeed.Item{}
	for _, p := range []string{"feed.xml", "atom.xml", "feed.json"} {
		f, err := gofeed.NewParser().Parse(bytes.NewReader(tree[p]))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, it := range f.Items {
			if it.GUID == id {
				items[p] = it
			}
		}
	}
	fixed := time.Date(2026, 5, 22, 11, 30, 0, 0, time.UTC)
	switch rss, atom, json := items["feed.xml"], items["atom.xml"], items["feed.json"]; {
	case rss == nil || atom == nil || json == nil:
		t.Fatalf("the corrected entry is missing from a feed: %v", items)
	case !rss.PublishedParsed.Equal(time.Date(2026, 5, 20, 9, 0, 0, 0, time.UTC)) || !strings.Contains(rss.Content, "Correction, Friday 22 May 2026:"):
		t.Errorf("RSS: pubDate %v, content %q", rss.PublishedParsed, rss.Content)
	case !atom.UpdatedParsed.Equal(fixed) || !json.UpdatedParsed.Equal(fixed):
		t.Errorf("updated: Atom %v, JSON Feed date_modified %v; want %v", atom.UpdatedParsed, json.UpdatedParsed, fixed)
	}

	// The expired entry keeps its page, with a banner, and leaves every list.
	gone := "2026/05/19/gone/"
	if !strings.Contains(string(tree[gone+"index.html"]), "This article expired on") {
		t.Errorf("the expired entry's page lacks its banner")
	}
	for p, data := range tree {
		in := bytes.Contains(data, []byte("/wire/"+gone)) || bytes.Contains(data, []byte("2026-05-19:gone"))
		switch {
		case p == "sitemap.xml" && !in:
			t.Errorf("the expired entry's page is not in the sitemap")
		case p != "sitemap.xml" && !strings.HasPrefix(p, gone) && in:
			t.Errorf("%s still lists the expired entry", p)
		}
	}
	if !bytes.Contains(tree["topics/beta/index.html"], []byte("2026/05/18/later/")) {
		t.Errorf("an entry that expires later is not listed")
	}

	// The clock passes the second expiry: the daily build drops it too,
	// and a warm build writes what a cold one does.
	opts.Now = time.Date(2026, 6, 11, 0, 0, 0, 0, time.UTC)
	build(t, opts)
	if data, _ := os.ReadFile(filepath.Join(out, "topics", "beta", "index.html")); bytes.Contains(data, []byte("2026/05/18/later/")) {
		t.Errorf("an entry past its expiry is still listed")
	}
	coldEquals(t, opts)
}
