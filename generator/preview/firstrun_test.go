package preview_test

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/digest-news/digest/generator"
)

// TestServeRefusesAFolderWithoutConfig: in a folder that holds no
// digest.yaml, Serve stops at once with an error naming the folder by its
// real path, instead of serving a page of errors.
func TestServeRefusesAFolderWithoutConfig(t *testing.T) {
	dir := t.TempDir()
	link := filepath.Join(t.TempDir(), "here")
	if err := os.Symlink(dir, link); err != nil {
		t.Fatal(err)
	}
	real, _ := filepath.EvalSymlinks(dir)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err := generator.Serve(ctx, generator.ServeOptions{Site: link, Addr: "127.0.0.1:0"})
	if err == nil || !strings.Contains(err.Error(), "digest.yaml") || !strings.Contains(err.Error(), real) {
		t.Fatalf("Serve in a folder without digest.yaml: %v", err)
	}
	if ctx.Err() != nil {
		t.Fatal("Serve waited instead of refusing")
	}
}

// TestPreviewLinksPointAtThePreview: the feeds a preview serves, and the
// links to them in its pages, are the preview's own addresses; the feed
// ids stay those of the configured host.
func TestPreviewLinksPointAtThePreview(t *testing.T) {
	dir := copySite(t)
	var log strings.Builder
	p := startServe(t, generator.ServeOptions{Site: dir, Log: &log})
	origin := strings.TrimSuffix(p.url, "/wire/")
	home := get(t, p.url)
	if !strings.Contains(home, `href="`+p.url+`feed.xml"`) {
		t.Errorf("the home page does not link the preview's feed %sfeed.xml", p.url)
	}
	feed := get(t, p.url+"feed.xml")
	if !strings.Contains(feed, "<link>"+p.url+"</link>") || !strings.Contains(feed, origin+"/wire/"+articlePath) {
		t.Errorf("the feed does not point at the preview %s:\n%.600s", origin, feed)
	}
	if strings.Contains(feed, "tag:127.0.0.1") {
		t.Error("the preview's feed ids are of its own host, not the site's")
	}
	real, _ := filepath.EvalSymlinks(dir)
	if !strings.Contains(log.String(), real) {
		t.Errorf("the log does not name the site folder %s:\n%s", real, log.String())
	}
}

// TestSearchFindsAnyScript: the search page finds words of any script,
// whatever their case and accents.
func TestSearchFindsAnyScript(t *testing.T) {
	ctx := browser(t)
	dir := copySite(t)
	for name, title := range map[string]string{
		"athens":  "Η ΑΘΗΝΑ ψηφίζει για το λιμάνι",
		"geneva":  "Genève ouvre un nouveau quai",
		"moscow":  "Москва открывает порт",
		"tokyo":   "東京の港が再開",
		"hamburg": "Straßenbahn fährt wieder",
	} {
		save(t, dir, "content/2026/05/04/"+name+".md", "---\ntitle: "+title+"\ndate: 2026-05-04 08:00\ntopics: [harbour]\n---\nBody.\n")
	}
	p := startServe(t, generator.ServeOptions{Site: dir})
	for q, want := range map[string]string{
		"αθηνα":  "ΑΘΗΝΑ",
		"GENEVE": "Genève",
		"москва": "Москва",
		"東京":     "東京",
		"fahrt":  "fährt",
	} {
		if _, err := visit(ctx, p.url+"search/?q="+q, "h1"); err != nil {
			t.Fatal(err)
		}
		if err := waitFor(ctx, `document.querySelectorAll("#search-results li").length > 0`); err != nil {
			t.Errorf("search for %q found nothing: %v", q, err)
			continue
		}
		got, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#search-results")))
		if err != nil || !strings.Contains(got, want) {
			t.Errorf("search for %q: %q, want a title with %q (%v)", q, got, want, err)
		}
	}
}

func get(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %v", url, res.StatusCode, err)
	}
	return string(data)
}
