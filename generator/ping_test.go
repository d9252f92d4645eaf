package generator

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// testHub is a WebSub hub on loopback that records the publish requests it
// gets, answering with the statuses of fail first (one per request), then 204.
type testHub struct {
	*httptest.Server
	mu    sync.Mutex
	got   []string // hub.url of each request, in order
	fail  []int
	delay time.Duration
}

func newTestHub(t *testing.T) *testHub {
	h := &testHub{}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil || r.Method != http.MethodPost || r.PostForm.Get("hub.mode") != "publish" {
			http.Error(w, "not a publish request", http.StatusBadRequest)
			return
		}
		time.Sleep(h.delay)
		h.mu.Lock()
		h.got = append(h.got, r.PostForm.Get("hub.url"))
		status := http.StatusNoContent
		if len(h.fail) > 0 {
			status, h.fail = h.fail[0], h.fail[1:]
		}
		h.mu.Unlock()
		if status >= 300 {
			http.Error(w, "hub says no", status)
			return
		}
		w.WriteHeader(status)
	}))
	t.Cleanup(h.Close)
	return h
}

func (h *testHub) requests() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	list := slices.Clone(h.got)
	h.got = nil
	return list
}

// hubSite is the fixture site with websub_hub set to hub, and its output folder.
func hubSite(t *testing.T, hub string) (dir, out string) {
	dir = t.TempDir()
	copyTree(t, "testdata/site", dir)
	cfg := filepath.Join(dir, "digest.yaml")
	data, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, append(data, "websub_hub: "+hub+"\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, filepath.Join(dir, "public")
}

// liveFeeds are the live feeds of an output folder by path: what a hub is told of.
func liveFeeds(t *testing.T, out string) map[string][]byte {
	feeds := map[string][]byte{}
	for p, data := range readTree(t, out) {
		if isFeedFile(p) && !strings.Contains(p, "archive/") {
			feeds[p] = data
		}
	}
	return feeds
}

func TestPingTellsTheHubOfChangedFeeds(t *testing.T) {
	hub := newTestHub(t)
	dir, out := hubSite(t, hub.URL)
	build(t, BuildOptions{Site: dir, Out: out, Now: fixtureNow})
	before := liveFeeds(t, out)
	for p, data := range before {
		if !strings.Contains(string(data), hub.URL) {
			t.Errorf("%s does not name the hub", p)
		}
	}
	res, err := Ping(PingOptions{Site: dir})
	if err != nil {
		t.Fatal(err)
	}
	got := hub.requests()
	t.Logf("first ping: %d requests, e.g. hub.mode=publish hub.url=%s", len(got), got[0])
	if len(got) != len(before) || len(res.Pinged) != len(before) {
		t.Fatalf("first ping sent %d requests (%d pinged) for %d feeds", len(got), len(res.Pinged), len(before))
	}
	for _, u := range got {
		if !strings.HasPrefix(u, "https://example.org/news/") {
			t.Errorf("pinged %s, not a feed URL of the site", u)
		}
	}
	if !Pinged(dir, out) {
		t.Error("Pinged is false after a ping")
	}

	// Nothing changed: nothing to tell.
	if res, err = Ping(PingOptions{Site: dir}); err != nil || len(hub.requests()) != 0 || res.Unchanged != len(before) {
		t.Fatalf("second ping: %v, %+v", err, res)
	}

	// An edit of one entry: exactly the feeds whose bytes changed.
	entry := filepath.Join(dir, "content", "2026", "03", "03")
	files, _ := os.ReadDir(entry)
	name := filepath.Join(entry, files[0].Name())
	data, _ := os.ReadFile(name)
	os.WriteFile(name, append(data, "\nA late paragraph.\n"...), 0o644)
	build(t, BuildOptions{Site: dir, Out: out, Now: fixtureNow})
	var changed []string
	for p, data := range liveFeeds(t, out) {
		if string(before[p]) != string(data) {
			changed = append(changed, "https://example.org/news/"+p)
		}
	}
	if _, err := Ping(PingOptions{Site: dir}); err != nil {
		t.Fatal(err)
	}
	got = hub.requests()
	slices.Sort(changed)
	slices.Sort(got)
	t.Logf("after an edit of %s: pinged %v", filepath.Base(name), got)
	if len(changed) == 0 || len(changed) == len(before) || !slices.Equal(got, changed) {
		t.Errorf("after an edit pinged\n%v\nwant the feeds that changed\n%v", got, changed)
	}
}

func TestPingRetriesAndFails(t *testing.T) {
	hub := newTestHub(t)
	dir, out := hubSite(t, hub.URL)
	build(t, BuildOptions{Site: dir, Out: out, Now: fixtureNow})
	n := len(liveFeeds(t, out))

	// The hub is away twice, then takes it: retried after waits, all sent.
	hub.fail = []int{http.StatusServiceUnavailable, http.StatusTooManyRequests}
	res, err := Ping(PingOptions{Site: dir, Backoff: time.Millisecond})
	if err != nil || len(res.Pinged) != n || len(hub.requests()) != n+2 {
		t.Fatalf("after two failures: %v, %+v", err, res)
	}

	// A refusal is not retried, names the hub's answer, and is not recorded.
	dir, out = hubSite(t, hub.URL)
	build(t, BuildOptions{Site: dir, Out: out, Now: fixtureNow})
	hub.fail = slices.Repeat([]int{http.StatusBadRequest}, n)
	_, err = Ping(PingOptions{Site: dir, Backoff: time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "400 Bad Request: hub says no") || len(hub.requests()) != n {
		t.Fatalf("refused: %v", err)
	}
	t.Logf("a refused ping: %v", strings.SplitN(err.Error(), "\n", 2)[0])
	if Pinged(dir, out) {
		t.Error("a ping the hub refused is recorded")
	}

	// A hub that answers too slowly: a timeout, tried Retries more times.
	hub.delay = 300 * time.Millisecond
	_, err = Ping(PingOptions{Site: dir, Timeout: 20 * time.Millisecond, Retries: 1, Backoff: time.Millisecond})
	if err == nil || !strings.Contains(err.Error(), "Timeout") {
		t.Fatalf("slow hub: %v", err)
	}
}

func TestPingNeedsAHubAndABuild(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, "testdata/site", dir)
	if _, err := Ping(PingOptions{Site: dir}); err == nil || !strings.Contains(err.Error(), "digest.yaml:1: websub_hub is not set") {
		t.Errorf("no hub: %v", err)
	}
	dir, _ = hubSite(t, "https://hub.example/")
	_, err := Ping(PingOptions{Site: dir})
	if err == nil || !strings.Contains(err.Error(), "run digest build") {
		t.Errorf("no build: %v", err)
	}
}
