// Command search-bench measures the search page of a built site in headless
// chromium: for each query, the time from typing it to the first result on
// the page, and the bytes the page fetched for it (the manifest, shards and
// record chunks; compressed sizes as a server with gzip would send them).
// It serves the output folder itself, under the site's base path.
//
//	go run ./scripts/search-bench -out public -base /digest/ -q rates -q "harbour fees"
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/digest-news/digest/scripts/internal/headless"
)

type queries []string

func (q *queries) String() string     { return strings.Join(*q, ",") }
func (q *queries) Set(s string) error { *q = append(*q, s); return nil }

func main() {
	out := flag.String("out", "public", "the built site")
	base := flag.String("base", "/", "the site's base path")
	var qs queries
	flag.Var(&qs, "q", "a query (repeat the flag)")
	flag.Parse()
	if len(qs) == 0 {
		log.Fatal("search-bench: give at least one -q")
	}
	if err := run(*out, *base, qs); err != nil {
		log.Fatal(err)
	}
}

func run(out, base string, qs []string) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	var fetched []string // paths under search/, in order
	files := http.StripPrefix(strings.TrimSuffix(base, "/"), http.FileServer(http.Dir(out)))
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.Contains(r.URL.Path, "/search/") && strings.HasSuffix(r.URL.Path, ".json") {
			fetched = append(fetched, strings.TrimPrefix(r.URL.Path, base))
		}
		files.ServeHTTP(w, r)
	}), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	url := "http://" + ln.Addr().String() + base + "search/"

	ctx, stop, err := headless.Browser()
	if err != nil {
		return err
	}
	defer stop()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return err
	}
	if err := waitFor(ctx, `!!document.getElementById("search-q")`, 10*time.Second); err != nil {
		return err
	}
	var firsts []time.Duration
	for _, q := range qs {
		fetched = fetched[:0]
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("search-results").textContent = ""; true`)); err != nil {
			return err
		}
		start := time.Now()
		submit := fmt.Sprintf(`document.getElementById("search-q").value = %q; document.querySelector("form.search").requestSubmit(); true`, q)
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](submit)); err != nil {
			return err
		}
		if err := waitFor(ctx, `document.querySelectorAll("#search-results li").length > 0`, 10*time.Second); err != nil {
			status, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("search-status").textContent`))
			fmt.Printf("%-24q no result (%s)\n", q, status)
			continue
		}
		took := time.Since(start)
		firsts = append(firsts, took)
		time.Sleep(200 * time.Millisecond) // the rest of the first page's records
		raw, packed, biggest := sizes(out, fetched)
		status, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("search-status").textContent`))
		fmt.Printf("%-24q first result %6.1f ms, %2d files, %7.1f KB (%6.1f KB gzip, largest %5.1f KB gzip): %s\n",
			q, float64(took.Microseconds())/1000, len(fetched), float64(raw)/1024, float64(packed)/1024, float64(biggest)/1024, status)
	}
	if len(firsts) > 0 {
		slices.Sort(firsts)
		fmt.Printf("median first result %.1f ms over %d queries\n", float64(firsts[len(firsts)/2].Microseconds())/1000, len(firsts))
	}
	return nil
}

// sizes are the bytes of the files fetched, as written and gzipped, and the
// largest gzipped one.
func sizes(out string, paths []string) (raw, packed, biggest int) {
	for _, p := range paths {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
		if err != nil {
			continue
		}
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write(data)
		w.Close()
		raw += len(data)
		packed += b.Len()
		biggest = max(biggest, b.Len())
	}
	return raw, packed, biggest
}

func waitFor(ctx context.Context, js string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
			return nil
		}
		time.Sleep(2 * time.Millisecond)
	}
	return fmt.Errorf("timed out waiting for %s", js)
}
