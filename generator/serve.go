package generator

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/preview"
)

// ServeOptions are the flags of digest serve.
type ServeOptions struct {
	Site     string        // folder holding digest.yaml
	Addr     string        // host:port to listen on; port 0 picks a free one, no host means 127.0.0.1
	Drafts   bool          // include drafts, marked
	Future   bool          // include entries dated in the future, marked
	Log      io.Writer     // what was rebuilt, build errors; nil for none
	Debounce time.Duration // quiet time after a change before rebuilding; default 10 ms (an editor's save, even an atomic one, is a burst of well under that)

	// Ready, when set, is called with the site's URL once the first build is served.
	Ready func(url string)
	// Built, when set, is called after every build with its result or error.
	Built func(*BuildResult, error)
}

// DefaultAddr is where digest serve listens unless told otherwise.
const DefaultAddr = "127.0.0.1:1414"

// Serve builds the site into a temporary folder (never public/), serves it on
// loopback under base_url's path, and rebuilds and reloads the open tabs on
// every change to its inputs, until ctx ends. A failed build is shown in the
// browser and the log, and the last good site stays served.
func Serve(ctx context.Context, opts ServeOptions) error {
	if info, err := os.Stat(opts.Site); err != nil || !info.IsDir() {
		return fmt.Errorf("%s: no such site folder; pass --site DIR, the folder holding digest.yaml", opts.Site)
	}
	real, err := realPath(opts.Site)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(real, content.ConfigFile)); err != nil {
		return fmt.Errorf("%s holds no %s, so it is not a site folder: run digest serve in the folder holding %s, pass --site DIR, or make a site with digest init DIR",
			real, content.ConfigFile, content.ConfigFile)
	}
	opts.Site = real
	if opts.Debounce <= 0 {
		opts.Debounce = 10 * time.Millisecond
	}
	ln, err := listen(opts.Addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	tmp, err := memoryTemp()
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	watcher, err := preview.NewWatcher(opts.Site, opts.Debounce)
	if err != nil {
		return fmt.Errorf("watching %s: %w", opts.Site, err)
	}
	defer watcher.Close()

	p := &previewer{opts: opts, out: filepath.Join(tmp, "site"), origin: "http://" + ln.Addr().String()}
	p.srv = preview.NewServer(p.out, basePath(opts.Site))
	p.srv.AllowHost(opts.Addr) // against DNS rebinding, only loopback names and this host are served
	p.build([]string{})        // the watcher reports what changes from here on
	return p.serve(ctx, ln, watcher)
}

// memoryTemp makes the folder where the preview keeps its build: in memory
// (/dev/shm) on Linux, as on a disk's file system every rebuild waits on the
// writes (feeds and search index come to megabytes); else the usual
// temporary folder.
func memoryTemp() (string, error) {
	if dir, err := os.MkdirTemp("/dev/shm", "digest-serve-"); err == nil {
		return dir, nil
	}
	return os.MkdirTemp("", "digest-serve-")
}

// previewer is one running digest serve.
type previewer struct {
	opts   ServeOptions
	out    string // the temporary output folder
	origin string // http://host:port of the listener: the pages' and feeds' links point there
	srv    *preview.Server
	memo   Memo // what each rebuild leaves for the next
	broken bool
}

// serve answers HTTP and rebuilds on each batch of changes until ctx ends.
func (p *previewer) serve(ctx context.Context, ln net.Listener, watcher *preview.Watcher) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	hs := &http.Server{Handler: p.srv, ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: log.New(io.Discard, "", 0)}
	served := make(chan error, 1)
	go func() {
		served <- hs.Serve(ln)
		cancel()
	}()
	u := "http://" + ln.Addr().String() + p.srv.Base()
	p.logf("serving %s at %s (Ctrl-C to stop)\n", p.opts.Site, u)
	if p.opts.Ready != nil {
		p.opts.Ready(u)
	}
	for {
		changed, err := watcher.Next(ctx)
		if err != nil {
			break
		}
		p.build(changed)
	}
	p.srv.Close()
	stop, cancelStop := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancelStop()
	shutErr := hs.Shutdown(stop)
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	p.logf("stopped\n")
	return shutErr
}

// showWait is how long a rebuild whose pages are in place waits for the
// tabs to show them before it makes the feeds.
const showWait = 250 * time.Millisecond

// build rebuilds the site into the temporary folder and tells the server.
func (p *previewer) build(changed []string) {
	start := time.Now()
	base, swap := basePath(p.opts.Site), entriesOnly(changed)
	var shown time.Duration // when the tabs were first told, if before the end
	res, err := Build(BuildOptions{Site: p.opts.Site, Out: p.out, Drafts: p.opts.Drafts,
		Future: p.opts.Future, Preview: &Preview{Inject: preview.Script, Changed: changed, Memo: &p.memo, Origin: p.origin,
			PagesReady: func() {
				p.srv.Built(base, swap)
				if shown == 0 {
					shown = time.Since(start).Round(time.Millisecond)
				}
				p.srv.AwaitShown(showWait)
			}}})
	took := time.Since(start).Round(time.Millisecond)
	if err != nil {
		p.srv.Failed(err)
		p.broken = true
		p.logf("%sbuild failed (the browser shows it too):\n%s\n", what(changed), indent(err.Error()))
	} else {
		if shown == 0 {
			p.srv.Built(base, swap)
		}
		if p.broken {
			p.logf("fixed: ")
		}
		p.broken = false
		pages := ""
		if shown > 0 {
			pages = fmt.Sprintf(", pages shown after %s", shown)
		}
		p.logf("%sbuilt %s in %s (%d of %d files changed%s)\n", what(changed), res.ArticleCount(), took, res.Written, res.Files, pages)
	}
	if p.opts.Built != nil {
		p.opts.Built(res, err)
	}
}

// entriesOnly reports whether changes touched entries only: then the pages
// keep their theme, and a tab may swap in its page's new body.
func entriesOnly(changed []string) bool {
	for _, c := range changed {
		if !strings.HasPrefix(c, content.Dir+"/") {
			return false
		}
	}
	return len(changed) > 0
}

func (p *previewer) logf(format string, args ...any) {
	if p.opts.Log != nil {
		fmt.Fprintf(p.opts.Log, format, args...)
	}
}

// what names the changes that led to a build, for the log.
func what(changed []string) string {
	switch len(changed) {
	case 0:
		return ""
	case 1:
		return changed[0] + ": "
	}
	return fmt.Sprintf("%s and %d more: ", changed[0], len(changed)-1)
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(s, "\n", "\n  ")
}

// basePath is the path of base_url, where the site is served; "/" when the
// configuration cannot be read (the build reports why).
func basePath(dir string) string {
	cfg, err := content.LoadConfig(content.DirFS(dir))
	if err != nil {
		return "/"
	}
	u, err := url.Parse(cfg.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	return u.Path
}

// listen opens addr, on loopback when it names no host.
func listen(addr string) (net.Listener, error) {
	if addr == "" {
		addr = DefaultAddr
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("--addr %s: %v; write it as host:port, like %s", addr, err, DefaultAddr)
	}
	if host == "" {
		host = "127.0.0.1"
	}
	addr = net.JoinHostPort(host, port)
	ln, err := net.Listen("tcp", addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		return nil, fmt.Errorf("%s is already in use (another digest serve?); pass --addr %s:0 to pick a free port", addr, host)
	}
	if err != nil {
		return nil, fmt.Errorf("listening on %s: %w", addr, err)
	}
	return ln, nil
}
