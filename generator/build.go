package generator

import (
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/publish"
	"github.com/digest-news/digest/generator/site"
)

// BuildOptions are the flags of digest build.
type BuildOptions struct {
	Site     string    // folder holding digest.yaml
	Out      string    // output folder; default <Site>/public
	BaseURL  string    // overrides base_url when set
	Drafts   bool      // include drafts
	Future   bool      // include entries dated after Now
	NoMinify bool      // write unminified output, for debugging
	Now      time.Time // cut-off for future entries; zero means the current time
	Log      io.Writer // buildProgress and stats; nil for none
	Stats    bool      // print time per stage
	NoCache  bool      // neither read nor write <Site>/.digest-cache
	Force    bool      // replace an output folder that holds files digest did not write
	Preview  *Preview  // the mode of digest serve's builds; nil for a plain build

	noRecord bool // write no record for digest ping (digest check's build into a temporary folder)
}

// Preview is the mode of a build for digest serve: its output folder is its
// own (nothing else changes it, so its files are not looked at, and its
// feeds are not checked), every page carries Inject, and the builds that
// share a Memo are told what changed between them.
type Preview struct {
	Inject template.HTML // written before </body> of every page: the live-reload script
	Memo   *Memo         // shared by the rebuilds; nil for none
	// Changed lists the inputs (paths relative to Site, with slashes)
	// changed since the last successful build sharing Memo, as a watcher
	// reports them; the other entries are taken from that build without a
	// look at their files. nil means unknown: every file is looked at.
	Changed []string
	// PagesReady, when set, is called once the changed pages are in place
	// and before the feeds, sitemaps and search index are made: the tabs
	// show an edit that much sooner.
	PagesReady func()
	// Origin, when set, is where the preview is served (http://127.0.0.1:1414):
	// pages and feeds link there, under base_url's path, and feed ids stay
	// those of base_url's host.
	Origin string
}

// memo, changed and pagesReady read a build's mode; a plain build has none.
func (p *Preview) memo() *Memo {
	if p == nil {
		return nil
	}
	return p.Memo
}

func (p *Preview) origin() string {
	if p == nil {
		return ""
	}
	return p.Origin
}

func (p *Preview) changed() []string {
	if p == nil {
		return nil
	}
	return p.Changed
}

func (p *Preview) pagesReady() func() {
	if p == nil {
		return nil
	}
	return p.PagesReady
}

func (p *Preview) inject() template.HTML {
	if p == nil {
		return ""
	}
	return p.Inject
}

// BuildResult says what a build wrote.
type BuildResult struct {
	Articles int
	Pages    int
	Rendered int // pages rendered (the others were unchanged and kept)
	// RenderedPages are the output paths of the pages rendered, sorted.
	RenderedPages []string
	Scaled        int // image variants made, not taken from the image cache
	publish.Result
	Stages []Stage
	Total  time.Duration // wall time of the whole build
}

// ArticleCount is how many articles the build published, in words: "1
// article", "12 articles".
func (r *BuildResult) ArticleCount() string {
	if r.Articles == 1 {
		return "1 article"
	}
	return fmt.Sprintf("%d articles", r.Articles)
}

// Stage is the time one step of the build took. Stages done page by page in
// parallel (markdown, render, minify, write) add up the time of every worker.
type Stage struct {
	Name    string
	Time    time.Duration
	CPU     time.Duration // the process's CPU time in a wall-clock stage
	Workers bool          // summed over the workers
	// Heap is the live heap after the last garbage collection in the stage
	// (0 when none ran), PeakRSS the most memory the process held resident
	// until the stage's end; both of a wall-clock stage, in bytes.
	Heap, PeakRSS uint64
}

// Build turns a site folder into a published output folder: load -> model ->
// (markdown -> render -> minify -> write, page by page) -> feeds -> swap. It
// keeps a cache in <Site>/.digest-cache (and in memory, for repeated builds in
// one process) so that only pages whose inputs changed are rendered again. On
// any error the previous output is left as it was.
func Build(opts BuildOptions) (*BuildResult, error) {
	if opts.Out == "" {
		opts.Out = filepath.Join(opts.Site, "public")
	}
	if err := checkOutFolder(opts.Site, opts.Out, opts.Force || opts.Preview != nil); err != nil {
		return nil, err
	}
	out, err := filepath.Abs(opts.Out)
	if err != nil {
		return nil, err
	}
	b := newBuilder(opts, out)
	if err := b.run(); err != nil {
		opts.Preview.memo().forget() // the changes it was told of are not built
		return nil, err
	}
	b.warn.print(opts.Log)
	res := b.res
	res.Total = time.Since(b.began)
	if opts.Stats && opts.Log != nil {
		res.print(opts.Log)
	}
	return res, nil
}

func siteOptions(opts BuildOptions) site.Options {
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	return site.Options{Drafts: opts.Drafts, Future: opts.Future, Now: now}
}

// Load reads and checks a site folder and builds its model.
func Load(dir, baseURL string, opts site.Options) (*site.Site, error) {
	cfg, entries, err := content.Load(content.DirFS(dir))
	if err != nil {
		return nil, err
	}
	if baseURL != "" {
		if err := cfg.SetBaseURL(baseURL); err != nil {
			return nil, err
		}
	}
	return site.New(cfg, entries, opts), nil
}

type stopwatch struct {
	res   *BuildResult
	start time.Time
	cpu   time.Duration
}

func (w *stopwatch) lap(name string) {
	now, cpu := time.Now(), processCPU()
	s := Stage{Name: name, Time: now.Sub(w.start), CPU: cpu - w.cpu, PeakRSS: peakRSS(), Heap: liveHeap()}
	w.res.Stages = append(w.res.Stages, s)
	w.start, w.cpu = now, cpu
}

// workTimes add up, over the workers, the time spent in each page step.
type workTimes struct {
	markdown, render, minify, write atomic.Int64
}

func since(t time.Time, sum *atomic.Int64) time.Time {
	now := time.Now()
	sum.Add(int64(now.Sub(t)))
	return now
}

func (w *workTimes) stages() []Stage {
	return []Stage{
		{Name: "markdown", Time: time.Duration(w.markdown.Load()), Workers: true},
		{Name: "render", Time: time.Duration(w.render.Load()), Workers: true},
		{Name: "minify", Time: time.Duration(w.minify.Load()), Workers: true},
		{Name: "write", Time: time.Duration(w.write.Load()), Workers: true},
	}
}

func (r *BuildResult) print(w io.Writer) {
	for _, s := range r.Stages {
		note := ""
		if s.Workers {
			note = "  (summed over workers)"
		} else if s.CPU > 0 {
			note = fmt.Sprintf("  cpu %.1f ms", float64(s.CPU.Microseconds())/1000)
		}
		if s.PeakRSS > 0 {
			note += fmt.Sprintf("  heap %.0f MB  peak RSS %.0f MB", float64(s.Heap)/1e6, float64(s.PeakRSS)/1e6)
		}
		fmt.Fprintf(w, "%-9s %8.1f ms%s\n", s.Name, float64(s.Time.Microseconds())/1000, note)
	}
	fmt.Fprintf(w, "%-9s %8.1f ms  (wall)\n", "total", float64(r.Total.Microseconds())/1000)
	fmt.Fprintf(w, "%d articles, %d pages (%d rendered), %d files (%d changed), %.1f MB\n",
		r.Articles, r.Pages, r.Rendered, r.Files, r.Written, float64(r.Bytes)/1e6)
}

// buildProgress shows "pages done/total" on one terminal line while a build
// runs longer than a second; it prints nothing when log is not a terminal.
type buildProgress struct {
	done, total atomic.Int64
	stop        chan struct{}
	finished    chan struct{}
}

func startBuildProgress(log io.Writer, began time.Time) *buildProgress {
	p := &buildProgress{stop: make(chan struct{}), finished: make(chan struct{})}
	f, ok := log.(*os.File)
	if !ok {
		close(p.finished)
		return p
	}
	if info, err := f.Stat(); err != nil || info.Mode()&os.ModeCharDevice == 0 {
		close(p.finished)
		return p
	}
	go func() {
		defer close(p.finished)
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		shown := false
		for {
			select {
			case <-p.stop:
				if shown {
					fmt.Fprint(f, "\r\033[K")
				}
				return
			case <-tick.C:
				if time.Since(began) > time.Second {
					fmt.Fprintf(f, "\r\033[Kbuilding: %d/%d files", p.done.Load(), p.total.Load())
					shown = true
				}
			}
		}
	}()
	return p
}

func (p *buildProgress) end() {
	select {
	case <-p.finished:
	default:
		close(p.stop)
		<-p.finished
	}
}
