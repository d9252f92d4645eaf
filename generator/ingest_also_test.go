package generator

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/digest-news/digest/generator/content"
)

// Reports of one event by three outlets, and a later story of the same
// people, written for this test.
var alsoReports = map[string]string{
	"gazette.json": `{"title": "Lighthouse keepers win fight to keep Fenmouth light manned",
 "source": "Harbour Gazette", "url": "https://gazette.example/2026/lighthouse", "date": "2026-11-16T08:00:00Z",
 "text": "The Fenmouth lighthouse will keep its two keepers after the coastal trust dropped plans to automate the light, ending a campaign that gathered 14,000 signatures. Trust chair Olga Brandt said fishermen had convinced the board that a manned light was safer in the Fenmouth narrows, where three boats ran aground last winter. The keepers, Ruth and Sami Okafor, have run the light since 2009."}`,
	"radio.json": `{"title": "Fenmouth light stays manned as trust backs down",
 "source": "Coast Radio", "url": "https://radio.example/news/fenmouth-light", "date": "2026-11-16T13:30:00Z",
 "text": "Ruth and Sami Okafor, keepers of the Fenmouth lighthouse since 2009, will stay on after the coastal trust abandoned its plan to automate the light. A petition against the change had 14,000 signatures. Olga Brandt, who chairs the trust, said fishermen persuaded the board that the narrows, where three boats ran aground last winter, needed a manned light."}`,
	"weekly.json": `{"title": "Trust drops Fenmouth automation plan after petition",
 "source": "The Coast Weekly", "url": "https://weekly.example/fenmouth", "date": "2026-11-17T09:00:00Z",
 "text": "After a petition of 14,000 signatures, the coastal trust has dropped its plan to automate the Fenmouth lighthouse, and keepers Ruth and Sami Okafor stay in post. Chair Olga Brandt said fishermen had shown the board why the Fenmouth narrows, where three boats went aground last winter, need a manned light."}`,
	"later.json": `{"title": "Fenmouth keepers open lighthouse to visitors",
 "source": "Coast Radio", "url": "https://radio.example/news/fenmouth-visitors", "date": "2026-11-18T10:00:00Z",
 "text": "Visitors can climb the Fenmouth lighthouse on Saturdays from December, its keepers Ruth and Sami Okafor said, with tickets at 5 euros going to the lifeboat station. Groups of eight at most will be taken up the 120 steps to the lamp room."}`,
}

func alsoSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "digest.yaml"), []byte("title: Coast Wire\nbase_url: https://coast.example/\ntimezone: UTC\n"), 0o644)
	for name, rec := range alsoReports {
		os.WriteFile(filepath.Join(dir, name), []byte(rec), 0o644)
	}
	return dir
}

const alsoEntry = "content/2026/11/16/lighthouse-keepers-win-fight-to-keep-fenmouth-light-manned.md"

func TestIngestAlsoCoveredBy(t *testing.T) {
	site := alsoSite(t)
	src := func(name string) []string { return []string{filepath.Join(site, name)} }
	if rep, out, err := ingestIn(t, IngestOptions{Site: site, Sources: src("gazette.json")}); err != nil || rep.Wrote != 1 {
		t.Fatalf("first report: %v %+v\n%s", err, rep, out)
	}
	rep, out, err := ingestIn(t, IngestOptions{Site: site, Sources: src("radio.json")})
	want := "radio.json: also covered by Coast Radio, added to " + filepath.Join(site, alsoEntry)
	if err != nil || rep.Also != 1 || rep.Wrote != 0 || !strings.Contains(out, want) || !strings.Contains(out, "0 written, 0 duplicates, 0 failed, 1 also covered") {
		t.Fatalf("second outlet: %v %+v\n%s", err, rep, out)
	}
	// Ingested again, the same report is a duplicate of the entry it joined;
	// a story of the same people two days on is an entry of its own.
	rep, out, _ = ingestIn(t, IngestOptions{Site: site, Sources: src("radio.json")})
	if rep.Duplicates != 1 || !strings.Contains(out, "duplicate of "+filepath.Join(site, alsoEntry)) {
		t.Errorf("the same report again: %+v\n%s", rep, out)
	}
	if rep, out, _ = ingestIn(t, IngestOptions{Site: site, Sources: src("later.json")}); rep.Wrote != 1 {
		t.Errorf("a later story: %+v\n%s", rep, out)
	}
	// --dry-run says what it would add and adds nothing; --separate writes
	// a third outlet's report as an entry of its own.
	before, _ := os.ReadFile(filepath.Join(site, alsoEntry))
	rep, out, _ = ingestIn(t, IngestOptions{Site: site, Sources: src("weekly.json"), DryRun: true})
	if now, _ := os.ReadFile(filepath.Join(site, alsoEntry)); rep.Also != 1 || !strings.Contains(out, "would be added to") || !bytes.Equal(now, before) {
		t.Errorf("--dry-run: %+v\n%s", rep, out)
	}
	rep, out, _ = ingestIn(t, IngestOptions{Site: site, Sources: src("weekly.json"), Separate: true})
	if rep.Wrote != 1 || rep.Also != 0 || !strings.Contains(out, "wrote "+filepath.Join(site, "content/2026/11/17/trust-drops-fenmouth-automation-plan-after-petition.md")) {
		t.Errorf("--separate: %+v\n%s", rep, out)
	}

	data, _ := os.ReadFile(filepath.Join(site, alsoEntry))
	cfg, err := content.LoadConfig(content.DirFS(site))
	if err != nil {
		t.Fatal(err)
	}
	e, err := content.ParseEntry(alsoEntry, data, cfg)
	if err != nil || len(e.Also) != 1 {
		t.Fatalf("the entry (%v):\n%s", err, data)
	}
	if a := e.Also[0]; a.Source != "Coast Radio" || a.SourceURL != "https://radio.example/news/fenmouth-light" ||
		a.Title != "Fenmouth light stays manned as trust backs down" || a.Date.Format("2006-01-02 15:04") != "2026-11-16 13:30" {
		t.Errorf("also: %+v", a)
	}
	t.Logf("%s after a second outlet:\n%s", alsoEntry, data[:bytes.Index(data[3:], []byte("---\n"))+7])
}

// TestAlsoOnPageFeedsAndJSONLD builds a site whose entry lists another
// outlet, reads the page, its JSON-LD and the feed item, then adds a second
// outlet: a warm build writes what a cold one does.
func TestAlsoOnPageFeedsAndJSONLD(t *testing.T) {
	site := alsoSite(t)
	if rep, out, err := ingestIn(t, IngestOptions{Site: site, Sources: []string{filepath.Join(site, "gazette.json"), filepath.Join(site, "radio.json")}}); err != nil || rep.Also != 1 {
		t.Fatalf("ingest: %v %+v\n%s", err, rep, out)
	}
	out := filepath.Join(t.TempDir(), "public")
	opts := BuildOptions{Site: site, Out: out, Now: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)}
	build(t, opts)
	tree := readTree(t, out)
	page := string(tree["2026/11/16/lighthouse-keepers-win-fight-to-keep-fenmouth-light-manned/index.html"])
	if !strings.Contains(page, "Also covered by") || !strings.Contains(page, `href="https://radio.example/news/fenmouth-light"`) ||
		!strings.Contains(page, "<cite>Fenmouth light stays manned as trust backs down</cite>") {
		t.Errorf("the page does not show the other outlet:\n%s", page)
	}
	ld := page[strings.Index(page, `<script type="application/ld+json">`)+35:]
	ld = ld[:strings.Index(ld, "</script>")]
	var doc struct {
		Cites []map[string]any `json:"citation"`
	}
	if err := json.Unmarshal([]byte(ld), &doc); err != nil || len(doc.Cites) != 1 {
		t.Fatalf("JSON-LD (%v): %s", err, ld)
	}
	if c := doc.Cites[0]; c["@type"] != "NewsArticle" || c["url"] != "https://radio.example/news/fenmouth-light" ||
		c["datePublished"] != "2026-11-16T13:30:00Z" || c["publisher"].(map[string]any)["name"] != "Coast Radio" {
		t.Errorf("citation: %v", c)
	}
	for _, p := range []string{"feed.xml", "atom.xml", "feed.json"} {
		f, err := gofeed.NewParser().Parse(bytes.NewReader(tree[p]))
		if err != nil || len(f.Items) != 1 {
			t.Fatalf("%s: %v", p, err)
		}
		if c := f.Items[0].Content; !strings.Contains(c, "Also covered by") || !strings.Contains(c, "https://radio.example/news/fenmouth-light") {
			t.Errorf("%s: the item does not name the other outlet: %q", p, c)
		}
	}

	file := filepath.Join(site, alsoEntry)
	data, _ := os.ReadFile(file)
	cfg, _ := content.LoadConfig(content.DirFS(site))
	data, err := content.WithAlso(alsoEntry, data, content.AlsoNote{Source: "The Coast Weekly", SourceURL: "https://weekly.example/fenmouth"}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(file, data, 0o644)
	ageFolders(t, site)
	build(t, opts)
	if page, _ := os.ReadFile(filepath.Join(out, "2026/11/16/lighthouse-keepers-win-fight-to-keep-fenmouth-light-manned/index.html")); !bytes.Contains(page, []byte("https://weekly.example/fenmouth")) {
		t.Errorf("a warm build missed the new outlet")
	}
	coldEquals(t, opts)
}

// BenchmarkIngest10k ingests one report into a site of 10,000 entries:
// the cost is loading the site (duplicates, stories, topic model) once.
func BenchmarkIngest10k(b *testing.B) {
	dir := b.TempDir()
	if err := writeCorpus(dir, 10000, 1); err != nil {
		b.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "r.json"), []byte(alsoReports["radio.json"]), 0o644)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Ingest(IngestOptions{Site: dir, Sources: []string{filepath.Join(dir, "r.json")}, DryRun: true, Out: io.Discard, Date: time.Now()}); err != nil {
			b.Fatal(err)
		}
	}
}
