package preview

import (
	"bufio"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/digest-news/digest/generator/content"
)

// builtSite writes a small built site, a secret beside it and symlinks that
// try to lead out of it, and returns a server for it under /wire/.
func builtSite(t *testing.T) *Server {
	t.Helper()
	dir := t.TempDir()
	root := filepath.Join(dir, "site")
	files := map[string]string{
		"index.html":              "<!doctype html><html><body><h1>Home</h1></body></html>",
		"404.html":                "<!doctype html><html><body><h1>Not here</h1></body></html>",
		"2026/index.html":         "<!doctype html><html><body><h1>2026</h1></body></html>",
		"2026/05/04/a/index.html": "<!doctype html><html><body><h1>A</h1></body></html>",
		"feed.xml":                `<?xml version="1.0"?><rss version="2.0"></rss>`,
		"atom.xml":                `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>`,
		"feed.json":               `{"version":"https://jsonfeed.org/version/1.1"}`,
		"feeds.opml":              `<?xml version="1.0"?><opml version="2.0"></opml>`,
		"css/site.css":            "body{margin:0}",
		"favicon.svg":             `<svg xmlns="http://www.w3.org/2000/svg"></svg>`,
		"robots.txt":              "User-agent: *\n",
		"CNAME":                   "news.example.org\n",
		".nojekyll":               "",
		"empty/.keep":             "",
	}
	for name, data := range files {
		write(t, filepath.Join(root, name), data)
	}
	write(t, filepath.Join(dir, "secret.txt"), "secret")
	write(t, filepath.Join(dir, "outside", "index.html"), "secret")
	symlink(t, filepath.Join(dir, "secret.txt"), filepath.Join(root, "secret.txt"))
	symlink(t, filepath.Join(dir, "outside"), filepath.Join(root, "outside"))
	symlink(t, "../secret.txt", filepath.Join(root, "relative.txt"))
	symlink(t, "robots.txt", filepath.Join(root, "inside.txt"))
	s := NewServer(root, "/wire/")
	s.Built("/wire/", false)
	return s
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.Symlink(target, name); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
}

func get(h http.Handler, method, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(method, target, nil)
	req.Host = "127.0.0.1:1414"
	h.ServeHTTP(rec, req)
	return rec
}

func TestServe(t *testing.T) {
	s := builtSite(t)
	tests := []struct {
		target   string
		code     int
		ctype    string // prefix
		location string
		body     string // substring
	}{
		{"/wire/", 200, "text/html; charset=utf-8", "", "<h1>Home</h1>"},
		{"/wire/index.html", 200, "text/html", "", "<h1>Home</h1>"},
		{"/wire/2026/", 200, "text/html", "", "<h1>2026</h1>"},
		{"/wire/2026/05/04/a/", 200, "text/html", "", "<h1>A</h1>"},
		{"/wire/feed.xml", 200, "application/xml", "", "<rss"},
		{"/wire/atom.xml", 200, "application/xml", "", "<feed"},
		{"/wire/feed.json", 200, "application/json", "", "jsonfeed"},
		{"/wire/feeds.opml", 200, "text/x-opml", "", "<opml"},
		{"/wire/css/site.css", 200, "text/css; charset=utf-8", "", "margin"},
		{"/wire/favicon.svg", 200, "image/svg+xml", "", "<svg"},
		{"/wire/robots.txt", 200, "text/plain; charset=utf-8", "", "User-agent"},
		{"/wire/CNAME", 200, "text/plain", "", "news.example.org"},
		{"/wire/inside.txt", 200, "text/plain", "", "User-agent"}, // a symlink inside the site

		// pretty URLs and the base path
		{"/wire/2026", 301, "", "/wire/2026/", ""},
		{"/wire/2026?x=1", 301, "", "/wire/2026/?x=1", ""},
		{"/", 302, "", "/wire/", ""},
		{"/wire", 302, "", "/wire/", ""},

		// the site's 404 page, never a listing
		{"/wire/nope/", 404, "text/html", "", "<h1>Not here</h1>"},
		{"/wire/empty/", 404, "text/html", "", "<h1>Not here</h1>"},
		{"/wire/feed.xml/", 404, "text/html", "", "Not here"},
		{"/wire/.nojekyll", 404, "text/html", "", "Not here"},
		{"/elsewhere/", 404, "text/html", "", "Not here"},
		{"/index.html", 404, "text/html", "", "Not here"},

		// no way out
		{"/wire/../secret.txt", 400, "", "", ""},
		{"/wire/%2e%2e/secret.txt", 400, "", "", ""},
		{"/wire/%2E%2E/%2e%2e/secret.txt", 400, "", "", ""},
		{"/wire/..%2fsecret.txt", 400, "", "", ""},
		{"/wire/..%2Fsecret.txt", 400, "", "", ""},
		{"/wire/2026%2findex.html", 400, "", "", ""},
		{"/wire/..%5csecret.txt", 400, "", "", ""},
		{"/wire/./index.html", 400, "", "", ""},
		{"/wire//etc/passwd", 400, "", "", ""},
		{"/wire/%00", 400, "", "", ""},
		{"/wire/secret.txt", 404, "text/html", "", "Not here"},
		{"/wire/relative.txt", 404, "text/html", "", "Not here"},
		{"/wire/outside/", 404, "text/html", "", "Not here"},
		{"/wire/outside/index.html", 404, "text/html", "", "Not here"},
	}
	for _, tt := range tests {
		rec := get(s, http.MethodGet, tt.target)
		if rec.Code != tt.code {
			t.Errorf("GET %s: status %d, want %d", tt.target, rec.Code, tt.code)
			continue
		}
		if ct := rec.Header().Get("Content-Type"); tt.ctype != "" && !strings.HasPrefix(ct, tt.ctype) {
			t.Errorf("GET %s: Content-Type %q, want %q", tt.target, ct, tt.ctype)
		}
		if loc := rec.Header().Get("Location"); loc != tt.location {
			t.Errorf("GET %s: Location %q, want %q", tt.target, loc, tt.location)
		}
		body := rec.Body.String()
		if !strings.Contains(body, tt.body) {
			t.Errorf("GET %s: body %q lacks %q", tt.target, body, tt.body)
		}
		if strings.Contains(body, "secret") {
			t.Errorf("GET %s: leaked a file from outside the site", tt.target)
		}
	}
}

func TestServeMethods(t *testing.T) {
	s := builtSite(t)
	if rec := get(s, http.MethodPost, "/wire/"); rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", rec.Code)
	}
	rec := get(s, http.MethodHead, "/wire/")
	if rec.Code != 200 || rec.Body.Len() != 0 || rec.Header().Get("Content-Length") == "" {
		t.Errorf("HEAD: status %d, %d bytes, Content-Length %q", rec.Code, rec.Body.Len(), rec.Header().Get("Content-Length"))
	}
}

func TestServeRootBase(t *testing.T) {
	s := builtSite(t)
	s.Built("/", false)
	if rec := get(s, http.MethodGet, "/"); rec.Code != 200 || !strings.Contains(rec.Body.String(), "Home") {
		t.Errorf("GET / with base /: status %d", rec.Code)
	}
	if rec := get(s, http.MethodGet, "/wire/"); rec.Code != 404 {
		t.Errorf("GET /wire/ with base /: status %d, want 404", rec.Code)
	}
}

func TestBuildMarkAndOverlay(t *testing.T) {
	s := builtSite(t)
	body := get(s, http.MethodGet, "/wire/").Body.String()
	if !strings.Contains(body, "window.digestBuild=1</script></body>") {
		t.Errorf("page lacks its build number before </body>: %s", body)
	}
	if strings.Contains(body, "digest-overlay") {
		t.Errorf("a good site shows the overlay")
	}
	s.Failed(errors.Join(
		&content.Error{File: "content/2026/05/04/a.md", Line: 3, Msg: `unknown field "bogus"`, Hint: "remove the key"},
		&content.Error{File: "digest.yaml", Line: 1, Msg: "title is <missing>"}))
	for _, target := range []string{"/wire/", "/wire/2026/", "/wire/nope/"} {
		body := get(s, http.MethodGet, target).Body.String()
		for _, want := range []string{`id="digest-overlay"`, "content/2026/05/04/a.md:3", "unknown field &#34;bogus&#34;", "remove the key", "digest.yaml:1", "title is &lt;missing&gt;"} {
			if !strings.Contains(body, want) {
				t.Errorf("GET %s while broken: no %q in %s", target, want, body)
			}
		}
	}
	if body := get(s, http.MethodGet, "/wire/feed.xml").Body.String(); strings.Contains(body, "overlay") {
		t.Errorf("the overlay went into a feed")
	}
	s.Built("/wire/", false)
	if body := get(s, http.MethodGet, "/wire/").Body.String(); strings.Contains(body, "digest-overlay") || !strings.Contains(body, "digestBuild=2") {
		t.Errorf("after the fix: %s", body)
	}
}

func TestErrorPageBeforeFirstBuild(t *testing.T) {
	s := NewServer(t.TempDir(), "/wire/")
	s.Failed(errors.New("theme: template: article.html:7: unexpected EOF"))
	for _, target := range []string{"/", "/wire/", "/wire/2026/"} {
		rec := get(s, http.MethodGet, target)
		body := rec.Body.String()
		if rec.Code != 500 || !strings.Contains(body, "article.html:7: unexpected EOF") || !strings.Contains(body, EventsPath) {
			t.Errorf("GET %s before any build: status %d, body %s", target, rec.Code, body)
		}
	}
}

// openEvents opens the event stream of ts; next reads its next message.
func openEvents(t *testing.T, ts *httptest.Server) (res *http.Response, next func() string) {
	t.Helper()
	res, err := http.Get(ts.URL + EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	lines := bufio.NewScanner(res.Body)
	return res, func() string {
		for lines.Scan() {
			if data, ok := strings.CutPrefix(lines.Text(), "data: "); ok {
				return data
			}
		}
		t.Fatalf("stream ended: %v", lines.Err())
		return ""
	}
}

func TestEvents(t *testing.T) {
	s := builtSite(t)
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close) // after the stream closes (openEvents)
	res, next := openEvents(t, ts)
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Errorf("Content-Type %q", ct)
	}
	if got := next(); got != `{"build":1}` {
		t.Errorf("first event %s", got)
	}
	s.Failed(&content.Error{File: "content/x.md", Line: 2, Msg: "bad date"})
	if got := next(); !strings.Contains(got, `"build":1,"error":"\u003cdiv id=\"digest-overlay\"`) || !strings.Contains(got, "content/x.md:2") {
		t.Errorf("error event %s", got)
	}
	s.Built("/wire/", false)
	if got := next(); got != `{"build":2}` {
		t.Errorf("event after the fix %s", got)
	}
	s.Close()
	if _, err := io.ReadAll(res.Body); err != nil {
		t.Errorf("stream did not end cleanly on Close: %v", err)
	}
}

func TestScriptGoesInOnce(t *testing.T) {
	if strings.Count(string(Script), "<script>") != 1 || !strings.Contains(string(Script), EventsPath) {
		t.Errorf("Script: %s", Script)
	}
}
