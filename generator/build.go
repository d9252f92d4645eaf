package generator

import (
	"fmt"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/publish"
	"github.com/digest-news/digest/generator/site"
)

// BuildOptions are the flags of digest build.
type BuildOptions struct {
	Site     string        // folder holding digest.yaml
	Out      string        // output folder; default <Site>/public
	BaseURL  string        // overrides base_url when set
	Drafts   bool          // include drafts
	Future   bool          // include entries dated after Now
	NoMinify bool          // write unminified output, for debugging
	Now      time.Time     // cut-off for future entries; zero means the current time
	Log      io.Writer     // progress and stats; nil for none
	Stats    bool          // print time per stage
	Inject   template.HTML // written before </body> of every page: the preview's live-reload script
}

// BuildResult says what a build wrote.
type BuildResult struct {
	Articles int
	Pages    int
	publish.Result
	Stages []Stage
}

// Stage is the time one step of the build took.
type Stage struct {
	Name string
	Time time.Duration
}

// Build turns a site folder into a published output folder. On any error the
// previous output is left as it was.
func Build(opts BuildOptions) (*BuildResult, error) {
	if opts.Out == "" {
		opts.Out = filepath.Join(opts.Site, "public")
	}
	res := &BuildResult{}
	clock := stopwatch{res: res, start: time.Now()}

	s, err := Load(opts.Site, opts.BaseURL, siteOptions(opts))
	if err != nil {
		return nil, err
	}
	clock.lap("load")
	files, err := Generate(opts.Site, s, opts.Inject, &clock)
	if err != nil {
		return nil, err
	}
	if !opts.NoMinify {
		if err := minifyAll(files); err != nil {
			return nil, err
		}
		clock.lap("minify")
	}
	written, err := publish.Write(opts.Out, files)
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", opts.Out, err)
	}
	clock.lap("write")
	res.Result = written
	res.Articles = len(s.Articles)
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
	cfg, entries, err := content.Load(os.DirFS(dir))
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
}

func (w *stopwatch) lap(name string) {
	now := time.Now()
	w.res.Stages = append(w.res.Stages, Stage{Name: name, Time: now.Sub(w.start)})
	w.start = now
}

func (r *BuildResult) print(w io.Writer) {
	var total time.Duration
	for _, s := range r.Stages {
		fmt.Fprintf(w, "%-9s %8.1f ms\n", s.Name, float64(s.Time.Microseconds())/1000)
		total += s.Time
	}
	fmt.Fprintf(w, "%-9s %8.1f ms\n", "total", float64(total.Microseconds())/1000)
	fmt.Fprintf(w, "%d articles, %d files (%d changed), %.1f MB\n", r.Articles, r.Files, r.Written, float64(r.Bytes)/1e6)
}
