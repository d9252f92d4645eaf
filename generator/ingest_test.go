package generator

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const sample = `June 2, 2025 / 9:10 AM

Canal reopens after six-month repair

A barge passes under the restored swing bridge, May 30, 2025. REUTERS/Ida Marsh

LEEDS (Reuters) - The canal through the city centre reopened to boats on Monday after a six-month repair of its locks and swing bridge, the waterways trust said.

Boat owners had complained that the closure cost them a season of trade, and several hire firms moved their fleets to other waterways while the work went on.

The trust said the repair came in under budget and that the locks should not need major work again for at least forty years.

Reporting by Sam Reed; Editing by Joan Pike
`

func newSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "digest.yaml"), []byte("title: T\nbase_url: https://example.org/\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(sample), 0o644)
	return dir
}

func ingestIn(t *testing.T, o IngestOptions) (IngestReport, string, error) {
	t.Helper()
	var out bytes.Buffer
	o.Out = &out
	o.Date = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	rep, err := Ingest(o)
	return rep, out.String(), err
}

const entryPath = "content/2025/06/02/canal-reopens-after-six-month-repair.md"

func TestIngestDuplicateForceDryRun(t *testing.T) {
	site := newSite(t)
	src := filepath.Join(site, "a.txt")
	if rep, out, err := ingestIn(t, IngestOptions{Site: site, Sources: []string{src}, DryRun: true}); err != nil || rep.Wrote != 1 || !strings.Contains(out, "would write") {
		t.Fatalf("dry run: %v %+v\n%s", err, rep, out)
	}
	if _, err := os.Stat(filepath.Join(site, entryPath)); err == nil {
		t.Fatal("dry run wrote a file")
	}
	if rep, out, err := ingestIn(t, IngestOptions{Site: site, Sources: []string{src}}); err != nil || rep.Wrote != 1 {
		t.Fatalf("first ingest: %v %+v\n%s", err, rep, out)
	}
	edited := filepath.Join(site, entryPath)
	data, _ := os.ReadFile(edited)
	os.WriteFile(edited, append(data, "\nAn editor's line.\n"...), 0o644)
	rep, out, err := ingestIn(t, IngestOptions{Site: site, Sources: []string{src}})
	if err != nil || rep.Duplicates != 1 || !strings.Contains(out, "duplicate of "+filepath.Join(site, entryPath)) {
		t.Fatalf("second ingest: %v %+v\n%s", err, rep, out)
	}
	if now, _ := os.ReadFile(edited); !bytes.Contains(now, []byte("An editor's line.")) {
		t.Fatal("edited entry overwritten without --force")
	}
	if rep, _, err := ingestIn(t, IngestOptions{Site: site, Sources: []string{src}, Force: true}); err != nil || rep.Wrote != 1 {
		t.Fatalf("--force: %v %+v", err, rep)
	}
	if now, _ := os.ReadFile(edited); !bytes.Equal(now, data) {
		t.Fatalf("--force did not replace the entry:\n%s", now)
	}
}

func TestIngestURLAndFailures(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/story":
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Write([]byte(sample))
		case "/image":
			w.Header().Set("Content-Type", "image/png")
			w.Write([]byte("\x89PNG"))
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	site := newSite(t)
	rep, out, err := ingestIn(t, IngestOptions{Site: site, Sources: []string{srv.URL + "/story", srv.URL + "/image", srv.URL + "/loop", srv.URL + "/gone"}})
	if err == nil || rep.Wrote != 1 || rep.Failed != 3 {
		t.Fatalf("got %v %+v\n%s", err, rep, out)
	}
	for _, want := range []string{"content type image/png", "redirects", "404"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	data, _ := os.ReadFile(filepath.Join(site, entryPath))
	if !bytes.Contains(data, []byte("source_url: "+srv.URL+"/story")) {
		t.Errorf("source_url missing:\n%s", data)
	}
}

func TestIngestStdinFolderAndSlugs(t *testing.T) {
	site := newSite(t)
	other := strings.Replace(sample, "The canal through the city centre", "A different canal in another town entirely", 1)
	other = strings.Replace(other, "Boat owners had complained", "Anglers and walkers had long asked", 1)
	other = strings.Replace(other, "The trust said the repair came in under budget", "Nobody yet knows what the bill will be, and the council", 1)
	os.MkdirAll(filepath.Join(site, "in", "deep"), 0o755)
	os.WriteFile(filepath.Join(site, "in", "deep", "b.txt"), []byte(other), 0o644)
	rep, out, err := ingestIn(t, IngestOptions{Site: site, Sources: []string{"-", filepath.Join(site, "in")}, Stdin: strings.NewReader(sample)})
	if err != nil || rep.Wrote != 2 {
		t.Fatalf("%v %+v\n%s", err, rep, out)
	}
	if _, err := os.Stat(filepath.Join(site, strings.Replace(entryPath, ".md", "-2.md", 1))); err != nil {
		t.Errorf("second slug of the day not made unique:\n%s", out)
	}
}

func TestIngestRecordsGoOnAfterABadOne(t *testing.T) {
	site := newSite(t)
	stories := []string{
		"The ferry between the two islands will run twice a day from June, the operator said on Monday, after a winter in which storms cancelled one crossing in three.",
		"A farmer in the valley has grown the region's heaviest pumpkin this year, beating last year's record by eleven kilos at the autumn show on Saturday.",
		"The city's oldest cinema reopened on Thursday after a two-year restoration that kept its painted ceiling and replaced every one of its four hundred seats.",
	}
	recs := "[\n" +
		`{"title": "Ferry to run twice a day", "date": "2025-06-02", "text": "` + stories[0] + `"},` + "\n" +
		`{"title": "A record with no body", "date": "2025-06-02"},` + "\n" +
		`{"title": "Record pumpkin at the show", "date": "2025-06-02", "text": "` + stories[1] + `"},` + "\n" +
		`{"title": "Old cinema reopens", "date": "2025-06-02", "text": "` + stories[2] + `"}` + "\n]\n"
	src := filepath.Join(site, "records.json")
	os.WriteFile(src, []byte(recs), 0o644)
	done := make(chan struct{})
	var rep IngestReport
	var out string
	var err error
	go func() {
		defer close(done)
		rep, out, err = ingestIn(t, IngestOptions{Site: site, Sources: []string{src}})
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("ingest still running after 30 s")
	}
	if err == nil || rep.Wrote != 3 || rep.Failed != 1 {
		t.Fatalf("got %v %+v, want 3 written, 1 failed\n%s", err, rep, out)
	}
	for _, want := range []string{
		src + ":3: record 2: failed: no text",
		src + "#1: wrote ", src + "#3: wrote ", src + "#4: wrote ",
		"3 written, 0 duplicates, 1 failed",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	for _, slug := range []string{"ferry-to-run-twice-a-day", "record-pumpkin-at-the-show", "old-cinema-reopens"} {
		if _, err := os.Stat(filepath.Join(site, "content/2025/06/02", slug+".md")); err != nil {
			t.Errorf("entry %s not written:\n%s", slug, out)
		}
	}
}
