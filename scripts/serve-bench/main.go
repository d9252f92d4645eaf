// Command serve-bench measures digest serve: from saving an entry to the open
// browser tab showing it (headless chromium through chromedp), over several
// saves, and the peak RSS of the serving process. scripts/serve-bench.sh
// prepares the site and runs it.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/digest-news/digest/scripts/internal/headless"
)

func main() {
	digest := flag.String("digest", "digest", "the digest binary")
	site := flag.String("site", "", "site folder")
	saves := flag.Int("saves", 20, "number of saves to time")
	flag.Parse()
	if err := run(*digest, *site, *saves); err != nil {
		log.Fatal(err)
	}
}

func run(digest, site string, saves int) error {
	entry, page, err := newest(site)
	if err != nil {
		return err
	}
	orig, err := os.ReadFile(entry)
	if err != nil {
		return err
	}
	defer os.WriteFile(entry, orig, 0o644)

	srv, url, builds, err := start(digest, site)
	if err != nil {
		return err
	}
	defer srv.Process.Kill()
	ctx, stop, err := headless.Browser()
	if err != nil {
		return err
	}
	defer stop()
	titles, err := watchTitles(ctx)
	if err != nil {
		return err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url+page)); err != nil {
		return err
	}
	var took []time.Duration
	for i := range saves {
		marker := fmt.Sprintf("Bench save %d", i)
		data := retitle(orig, marker)
		start := time.Now()
		if err := os.WriteFile(entry, data, 0o644); err != nil {
			return err
		}
		if err := waitTitle(titles, marker, 60*time.Second); err != nil {
			return err
		}
		took = append(took, time.Since(start))
		fmt.Printf("save %2d: %6.1f ms\n", i+1, ms(took[i]))
		time.Sleep(200 * time.Millisecond)
	}
	status, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", srv.Process.Pid))
	srv.Process.Signal(os.Interrupt)
	srv.Wait()
	b, sh := builds()
	report(took, b, sh, status)
	return nil
}

// newest is the entry with the latest path, and its page's path under the base.
func newest(site string) (file, page string, err error) {
	var files []string
	err = filepath.WalkDir(filepath.Join(site, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		}
		return err
	})
	if err != nil || len(files) == 0 {
		return "", "", fmt.Errorf("no entries under %s/content: %v", site, err)
	}
	slices.Sort(files)
	file = files[len(files)-1]
	rel, _ := filepath.Rel(filepath.Join(site, "content"), file)
	return file, filepath.ToSlash(strings.TrimSuffix(rel, ".md")) + "/", nil
}

var titleLine = regexp.MustCompile(`(?m)^title: .*$`)

func retitle(entry []byte, title string) []byte {
	return titleLine.ReplaceAll(entry, []byte(fmt.Sprintf("title: %q", title)))
}

var (
	servingLine = regexp.MustCompile(`serving .* at (http://\S+)`)
	builtLine   = regexp.MustCompile(`built \d+ articles? in (\S+)`)
	shownLine   = regexp.MustCompile(`pages shown after (\S+)\)`)
)

// start runs digest serve and returns its URL and a func listing the build
// times it logged after the first.
func start(digest, site string) (*exec.Cmd, string, func() (builds, shown []time.Duration), error) {
	cmd := exec.Command(digest, "serve", "--site", site, "--addr", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return nil, "", nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, "", nil, err
	}
	urls := make(chan string, 1)
	var builds, shown []time.Duration
	done := make(chan struct{})
	go func() {
		defer close(done)
		lines := bufio.NewScanner(stderr)
		for lines.Scan() {
			line := lines.Text()
			fmt.Fprintln(os.Stderr, "  digest serve: "+line)
			if m := servingLine.FindStringSubmatch(line); m != nil {
				urls <- m[1]
			} else if m := builtLine.FindStringSubmatch(line); m != nil && strings.Contains(line, ": built") {
				if d, err := time.ParseDuration(m[1]); err == nil {
					builds = append(builds, d)
				}
				if m := shownLine.FindStringSubmatch(line); m != nil {
					if d, err := time.ParseDuration(m[1]); err == nil {
						shown = append(shown, d)
					}
				}
			}
		}
		io.Copy(io.Discard, stderr)
	}()
	select {
	case url := <-urls:
		return cmd, url, func() ([]time.Duration, []time.Duration) { <-done; return builds, shown }, nil
	case <-time.After(5 * time.Minute):
		cmd.Process.Kill()
		return nil, "", nil, fmt.Errorf("digest serve did not start")
	}
}

// titleScript runs in every document the tab loads and logs the title each
// time it changes (a swap in place or a new document).
const titleScript = `(() => {
	let last = "";
	const report = () => {
		if (document.title !== last) {
			last = document.title;
			console.debug("digest-bench-title", last);
		}
	};
	new MutationObserver(report).observe(document, {subtree: true, childList: true, characterData: true});
	document.addEventListener("DOMContentLoaded", report);
})();`

// watchTitles sends each title the tab shows as the tab logs it: no polling
// of the tab competes with the rebuild for the machine's cores, and a title
// is seen when it changes, not at the next poll.
func watchTitles(ctx context.Context) (<-chan string, error) {
	titles := make(chan string, 256)
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		events := cdp.Events(ctx, tg, cdpruntime.ConsoleAPICalled)
		go func() {
			for e, err := range events {
				if err != nil {
					return
				}
				if title, ok := loggedTitle(e); ok {
					titles <- title
				}
			}
		}()
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: titleScript})
		return err
	}))
	return titles, err
}

// loggedTitle is the title a console call of titleScript logged.
func loggedTitle(e cdpruntime.EventConsoleAPICalled) (string, bool) {
	if e.Type != cdpruntime.ConsoleAPICalledTypeDebug || len(e.Args) != 2 {
		return "", false
	}
	var tag, title string
	if json.Unmarshal([]byte(e.Args[0].Value), &tag) != nil || tag != "digest-bench-title" ||
		json.Unmarshal([]byte(e.Args[1].Value), &title) != nil {
		return "", false
	}
	return title, true
}

// waitTitle waits for a title holding want.
func waitTitle(titles <-chan string, want string, limit time.Duration) error {
	timeout := time.After(limit)
	for {
		select {
		case title := <-titles:
			if strings.Contains(title, want) {
				return nil
			}
		case <-timeout:
			return fmt.Errorf("the tab never showed %q", want)
		}
	}
}

func report(took, builds, shown []time.Duration, status []byte) {
	fmt.Printf("save -> browser shows it, %d saves: median %.1f ms, min %.1f, p90 %.1f, max %.1f\n",
		len(took), ms(median(took)), ms(slices.Min(took)), ms(quantile(took, 0.9)), ms(slices.Max(took)))
	if len(builds) > 0 {
		fmt.Printf("rebuild (server side), %d builds: median %.1f ms\n", len(builds), ms(median(builds)))
	}
	if len(shown) > 0 {
		fmt.Printf("first pages in place, tabs told (server side), %d builds: median %.1f ms\n", len(shown), ms(median(shown)))
	}
	for line := range strings.SplitSeq(string(status), "\n") {
		if strings.HasPrefix(line, "VmHWM") || strings.HasPrefix(line, "VmRSS") {
			fmt.Println("digest serve " + strings.Join(strings.Fields(line), " "))
		}
	}
}

func median(d []time.Duration) time.Duration { return quantile(d, 0.5) }

func quantile(d []time.Duration, q float64) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[int(q*float64(len(s)-1)+0.5)]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
