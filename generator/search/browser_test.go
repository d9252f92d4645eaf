package search

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// searchPage is the least page search.js works on: the search page's form,
// status, list and script, with English texts.
const searchPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Search</title></head><body>
<form class="search"><input id="search-q" type="search"></form>
<p id="search-status"></p><ol id="search-results"></ol>
<script src="/js/search.js" data-index="/search/index.json" data-found="{n} article for {q}|{n} articles for {q}"
 data-loading="Loading" data-failed="Failed" data-more="More results" data-lang="en"></script>
</body></html>`

// done reports whether the page has shown all it will until asked for
// more: the button is there, or the count is complete and every result in.
func done(st searchState) bool {
	return st.More || !strings.Contains(st.Status, "+") && strings.HasPrefix(st.Status, strconv.Itoa(len(st.Titles))+" ")
}

type searchState struct {
	Status string
	Titles []string
	URLs   []string
	More   bool
}

const searchProbe = `(() => ({
	status: document.getElementById("search-status").textContent,
	titles: [...document.querySelectorAll("#search-results li a")].map(a => a.textContent),
	urls: [...document.querySelectorAll("#search-results li a")].map(a => a.getAttribute("href")),
	more: !!document.querySelector(".search__more"),
}))()`

// TestSearchPageReadsParts runs search.js in chromium on an index whose
// common words are cut into parts of eight postings: a query shows a page of
// the newest results and says there are more ("20+"), and the More button,
// pressed until it goes, fetches the older parts and ends with every article
// once, newest first, and the full count; a word of a shard and a word of
// parts together find the articles holding both.
func TestSearchPageReadsParts(t *testing.T) {
	chrome, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("no chromium")
	}
	js, err := os.ReadFile("../../static/js/search.js")
	if err != nil {
		t.Fatal(err)
	}
	s := testSite(t, 300)
	mux := http.NewServeMux()
	for _, f := range files(s, 8) {
		mux.HandleFunc("/"+f.Path, func(w http.ResponseWriter, r *http.Request) { w.Write(f.Data) })
	}
	mux.HandleFunc("/js/search.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript")
		w.Write(js)
	})
	mux.HandleFunc("/search/", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(searchPage)) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.NoSandbox,
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.UserDataDir(t.TempDir()))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelTimeout()

	state := func(settled func(searchState) bool) searchState {
		t.Helper()
		var st searchState
		for range 200 {
			var err error
			if st, err = chromedp.Run(ctx, chromedp.Evaluate[searchState](searchProbe)); err != nil {
				t.Fatal(err)
			}
			if settled(st) {
				return st
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("the page never settled: %+v", st)
		return st
	}
	// query opens the search page for q and waits for its first page.
	query := func(q string) searchState {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/search/?q="+q)); err != nil {
			t.Fatal(err)
		}
		return state(func(st searchState) bool { return len(st.Titles) > 0 && done(st) })
	}
	// all presses More until the page has shown every result.
	all := func(st searchState) searchState {
		t.Helper()
		for st.More {
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".search__more"))); err != nil {
				t.Fatal(err)
			}
			n := len(st.Titles)
			st = state(func(st searchState) bool { return len(st.Titles) > n && done(st) })
		}
		return st
	}

	first := query("economy")
	if len(first.Titles) != 20 || !strings.Contains(first.Status, "+ articles for economy") {
		t.Fatalf("first page: %d results, status %q", len(first.Titles), first.Status)
	}
	for i, a := range s.Listed[:20] {
		if first.URLs[i] != a.URL {
			t.Fatalf("result %d is %s, want the newest articles (%s)", i, first.URLs[i], a.URL)
		}
	}
	first = all(first)
	if len(first.Titles) != 300 || first.Status != "300 articles for economy" {
		t.Fatalf("after More: %d results, status %q", len(first.Titles), first.Status)
	}
	seen := map[string]bool{}
	for i, u := range first.URLs {
		if seen[u] {
			t.Fatalf("%s shown twice", u)
		}
		seen[u] = true
		if i > 0 && u > first.URLs[i-1] {
			t.Fatalf("%s after %s: not newest first", u, first.URLs[i-1])
		}
	}

	prefix := all(query("harb"))
	for i, a := range s.Listed {
		if i >= len(prefix.URLs) || prefix.URLs[i] != a.URL {
			t.Fatalf("harb: %d results, result %d is not %s", len(prefix.URLs), i, a.URL)
		}
	}

	var want []string
	for _, a := range s.Listed {
		if strings.HasSuffix(a.Title, "harbour3") {
			want = append(want, a.URL)
		}
	}
	both := all(query("harbour3+geneve"))
	slices.Sort(want)
	got := slices.Clone(both.URLs)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("harbour3 geneve finds %d articles, want the %d titled harbour3", len(got), len(want))
	}
}
