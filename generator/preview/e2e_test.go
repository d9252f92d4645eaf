package preview_test

import (
	"context"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/digest-news/digest/generator"
)

// article is the fixture entry the tests edit, and its page.
const (
	article     = "content/2026/05/05/quay-lights-repaired.md"
	articlePath = "2026/05/05/quay-lights-repaired/"
)

// copySite copies testdata/site into a temporary folder.
func copySite(t testing.TB) string {
	t.Helper()
	dst := t.TempDir()
	src := os.DirFS("testdata/site")
	err := fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(src, p)
		if err != nil {
			return err
		}
		name := filepath.Join(dst, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return err
		}
		return os.WriteFile(name, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// entry is the fixture article with a title and extra front matter lines.
func entry(title string, extra ...string) string {
	lines := append([]string{"---", "title: " + title}, extra...)
	lines = append(lines, "date: 2026-05-05 09:30", "topics: [harbour]", "---",
		"All forty lamps on the outer quay shine again.", "")
	return strings.Join(lines, "\n")
}

func save(t testing.TB, dir, name, data string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// preview is a running generator.Serve.
type preview struct {
	url    string
	builds chan error // one per build after the first
	stop   func() error
}

func startServe(t testing.TB, opts generator.ServeOptions) *preview {
	t.Helper()
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	ready := make(chan string, 1)
	p := &preview{builds: make(chan error, 1000)}
	first := true
	opts.Ready = func(url string) { ready <- url }
	opts.Built = func(_ *generator.BuildResult, err error) {
		if !first {
			p.builds <- err
		}
		first = false
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- generator.Serve(ctx, opts) }()
	select {
	case p.url = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("Serve: %v", err)
	case <-time.After(20 * time.Second):
		cancel()
		t.Fatal("Serve did not start")
	}
	var stopped bool
	var stopErr error
	p.stop = func() error {
		if !stopped {
			stopped = true
			cancel()
			stopErr = <-done
		}
		return stopErr
	}
	t.Cleanup(func() { p.stop() })
	return p
}

// chromium finds the browser, or skips the test (fails when CI requires one).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("DIGEST_REQUIRE_BROWSER") == "1" {
		t.Fatal("no chromium found and DIGEST_REQUIRE_BROWSER=1 (apt-get install -y chromium)")
	}
	t.Skip("no chromium found; set DIGEST_REQUIRE_BROWSER=1 to make this a failure")
	return ""
}

func browser(t *testing.T) context.Context {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelBrowser := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 60*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancelBrowser(); cancelAlloc() })
	return ctx
}

// waitFor evaluates a JavaScript condition in the open page every 10 ms
// until it holds. A reload in between only costs a retry.
func waitFor(ctx context.Context, cond string) error {
	deadline := time.Now().Add(10 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+cond+")"))
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s still false after 10 s (last error %v)", cond, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// visit opens url in the tab and returns the text of the first match of sel.
func visit(ctx context.Context, url, sel string) (string, error) {
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return "", err
	}
	return chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
}

func TestServeInBrowser(t *testing.T) {
	ctx := browser(t)
	dir := copySite(t)
	p := startServe(t, generator.ServeOptions{Site: dir})
	if !strings.HasSuffix(p.url, "/wire/") {
		t.Fatalf("URL %s is not under the base path /wire/", p.url)
	}

	if _, err := visit(ctx, p.url, "h1"); err != nil {
		t.Fatal(err)
	}
	if title, err := chromedp.Run(ctx, chromedp.Title()); err != nil || !strings.Contains(title, "The Preview Post") {
		t.Errorf("home page title %q, %v", title, err)
	}
	h1, err := visit(ctx, p.url+articlePath, "h1")
	if err != nil {
		t.Fatal(err)
	}
	if h1 != "Quay lights repaired after the storm" {
		t.Errorf("article h1 %q", h1)
	}
	// mark the page: a reload loses the mark, a swap of the body keeps it
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.loadedOnce=true`)); err != nil {
		t.Fatal(err)
	}

	save(t, dir, article, entry("Quay lights shine again"))
	if err := waitFor(ctx, `document.title.includes("Quay lights shine again") && document.querySelector("h1").textContent.includes("shine again")`); err != nil {
		t.Fatalf("the open page did not show the new title: %v", err)
	}
	if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`window.loadedOnce === true`)); err != nil || !ok {
		t.Errorf("an edited entry reloaded the page instead of swapping in its body (%v)", err)
	}

	// a change of the configuration (or theme) reloads the page: a swap would keep the old head
	cfg, err := os.ReadFile(filepath.Join(dir, "digest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	save(t, dir, "digest.yaml", strings.Replace(string(cfg), "title: The Preview Post", "title: The Evening Post", 1))
	if err := waitFor(ctx, `window.loadedOnce !== true && document.title.includes("The Evening Post")`); err != nil {
		t.Errorf("the page was not reloaded after a change of digest.yaml: %v", err)
	}

	save(t, dir, article, entry("Quay lights shine again", "bogus: 1"))
	if err := waitFor(ctx, `(document.getElementById("digest-overlay")||{textContent:""}).textContent.includes("`+article+`:3")`); err != nil {
		t.Fatalf("the overlay did not name file:line: %v", err)
	}

	// a tab opened while the site is broken shows the overlay too
	// (waited for, not read at once: the page may still be swapping in the overlay)
	if err := chromedp.Do(ctx, chromedp.Navigate(p.url)); err != nil {
		t.Fatal(err)
	}
	if err := waitFor(ctx, `(document.getElementById("digest-overlay")||{textContent:""}).textContent.includes("unknown field")`); err != nil {
		t.Errorf("a page loaded while broken shows no overlay: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(p.url+articlePath)); err != nil {
		t.Fatal(err)
	}

	save(t, dir, article, entry("Quay lights fixed"))
	if err := waitFor(ctx, `!document.getElementById("digest-overlay") && document.title.includes("Quay lights fixed")`); err != nil {
		t.Fatalf("the page did not recover: %v", err)
	}
	if err := p.stop(); err != nil {
		t.Errorf("Serve returned %v after stop", err)
	}
}

func TestServeDraftsAndFuture(t *testing.T) {
	status := func(url string) int {
		t.Helper()
		res, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	dir := copySite(t)
	draft, future := "2026/05/05/harbour-fees-draft/", "2099/01/01/new-breakwater-opens/"
	plain := startServe(t, generator.ServeOptions{Site: dir})
	if status(plain.url+draft) != 404 || status(plain.url+future) != 404 {
		t.Errorf("a draft or future entry is served without --drafts/--future")
	}
	plain.stop()
	all := startServe(t, generator.ServeOptions{Site: dir, Drafts: true, Future: true})
	if status(all.url+draft) != 200 || status(all.url+future) != 200 {
		t.Errorf("a draft or future entry is missing with --drafts --future")
	}
}

func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	err = generator.Serve(context.Background(), generator.ServeOptions{Site: copySite(t), Addr: ln.Addr().String()})
	if err == nil || !strings.Contains(err.Error(), "already in use") || !strings.Contains(err.Error(), ":0") {
		t.Errorf("Serve on a busy port: %v", err)
	}
}

func TestServeMissingSite(t *testing.T) {
	err := generator.Serve(context.Background(), generator.ServeOptions{Site: filepath.Join(t.TempDir(), "nope"), Addr: "127.0.0.1:0"})
	if err == nil || !strings.Contains(err.Error(), "--site") {
		t.Errorf("Serve of a missing folder: %v", err)
	}
}

// TestServeNoLeaks saves an entry 100 times in a row with a tab listening and
// checks that no goroutine outlives the rebuilds, nor Serve itself, and that
// the heap does not grow.
func TestServeNoLeaks(t *testing.T) {
	if testing.Short() {
		t.Skip("100 rebuilds")
	}
	before := runtime.NumGoroutine()
	dir := copySite(t)
	p := startServe(t, generator.ServeOptions{Site: dir, Debounce: 5 * time.Millisecond})
	client := &http.Client{}
	ctx, cancel := context.WithCancel(context.Background())
	events, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimSuffix(p.url, "wire/")+"__digest/events", nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := client.Do(events)
	if err != nil {
		t.Fatal(err)
	}
	quiet := func() {
		for {
			select {
			case <-p.builds:
			case <-time.After(300 * time.Millisecond):
				return
			}
		}
	}
	quiet()
	settled, heap := runtime.NumGoroutine(), heapInUse()
	for i := range 100 {
		title := "Quay lights, take " + string(rune('A'+i%26))
		if i%10 == 9 {
			save(t, dir, article, entry(title, "bogus: 1")) // some broken saves too
		} else {
			save(t, dir, article, entry(title))
		}
		time.Sleep(2 * time.Millisecond)
		if i%5 == 4 {
			time.Sleep(15 * time.Millisecond) // let a rebuild start now and then
		}
	}
	save(t, dir, article, entry("Quay lights, last"))
	quiet()
	if err := waitGoroutines(settled + 3); err != nil {
		t.Errorf("after 100 saves: %v (%d when settled)", err, settled)
	}
	// the fixture's whole build state is well under a megabyte: growth of a
	// few megabytes over 100 builds would be a leak
	grown := int64(heapInUse()) - int64(heap)
	t.Logf("heap %.2f MB, grown by %.2f MB over 100 saves", float64(heap)/(1<<20), float64(grown)/(1<<20))
	if grown > 4<<20 {
		t.Errorf("after 100 saves the heap grew by %.1f MB (from %.1f MB)", float64(grown)/(1<<20), float64(heap)/(1<<20))
	}
	cancel()
	res.Body.Close()
	client.CloseIdleConnections()
	if err := p.stop(); err != nil {
		t.Fatal(err)
	}
	if err := waitGoroutines(before + 2); err != nil {
		t.Errorf("after Serve returned: %v (%d before)", err, before)
	}
}

// heapInUse is the live heap after a collection.
func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// waitGoroutines waits a little for the count of goroutines to fall to at most max.
func waitGoroutines(max int) error {
	deadline := time.Now().Add(3 * time.Second)
	for {
		n := runtime.NumGoroutine()
		if n <= max {
			return nil
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<16)
			buf = buf[:runtime.Stack(buf, true)]
			return fmt.Errorf("%d goroutines, want at most %d:\n%s", n, max, buf)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
