package generator

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/ingest"
	"github.com/digest-news/digest/generator/publish"
)

// IngestOptions are the flags of digest ingest.
type IngestOptions struct {
	Site      string   // the folder holding digest.yaml
	Sources   []string // files, folders, URLs or "-"
	Topics    []string // --topic: replaces suggestions
	Date      time.Time
	DryRun    bool
	Force     bool
	Separate  bool // --separate: another outlet's report of a story is an entry of its own
	Extractor ingest.Extractor
	Stdin     io.Reader
	Out       io.Writer       // the report, one line per article
	Progress  io.Writer       // a terminal for the progress bar, or nil
	Fetcher   *ingest.Fetcher // nil: the default limits
}

// IngestReport counts what happened.
type IngestReport struct {
	Wrote, Duplicates, Failed, NoTopic int
	Also                               int // reports added to the also list of an entry
}

// Ingest reads every source, writes one entry per article and reports each
// on opts.Out. Good articles are written even when others fail; the error
// then says how many failed.
func Ingest(opts IngestOptions) (IngestReport, error) {
	var rep IngestReport
	run, err := newIngestRun(opts)
	if err != nil {
		return rep, err
	}
	var inputs []ingest.Input
	for _, src := range opts.Sources {
		ins, errs := ingest.Expand(context.Background(), src, opts.Stdin, opts.Fetcher)
		for _, e := range errs {
			fmt.Fprintf(opts.Out, "failed: %v\n", e)
			rep.Failed++
		}
		inputs = append(inputs, ins...)
	}
	bar := newProgress(opts.Progress, len(inputs))
	for _, in := range inputs {
		run.input(in, &rep)
		bar.step()
	}
	bar.done()
	fmt.Fprintf(opts.Out, "%d written, %d duplicates, %d failed", rep.Wrote, rep.Duplicates, rep.Failed)
	if rep.NoTopic > 0 {
		fmt.Fprintf(opts.Out, ", %d without a topic", rep.NoTopic)
	}
	if rep.Also > 0 {
		fmt.Fprintf(opts.Out, ", %d also covered", rep.Also)
	}
	fmt.Fprintln(opts.Out)
	if rep.Failed > 0 {
		return rep, fmt.Errorf("digest ingest: %d input(s) failed", rep.Failed)
	}
	return rep, nil
}

// ingestRun is the state of one ingest: the site, what it holds, what was written.
type ingestRun struct {
	opts  IngestOptions
	cfg   *content.Config
	index *ingest.Index
	ids   map[string]string // file -> id of entries already there
	taken map[string]bool   // files that exist or were written now
	model *ingest.Classifier

	stories *ingest.Stories // the entry of a story another outlet reported (ingeststory.go)
}

func newIngestRun(opts IngestOptions) (*ingestRun, error) {
	if opts.Site == "" {
		opts.Site = "."
	}
	if opts.Date.IsZero() {
		opts.Date = time.Now()
	}
	fsys := content.DirFS(opts.Site)
	cfg, err := content.LoadConfig(fsys)
	if err != nil {
		return nil, err
	}
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	for _, t := range opts.Topics {
		if _, ok := cfg.Topics[t]; len(cfg.Topics) > 0 && !ok {
			return nil, fmt.Errorf("--topic %s: unknown topic; use one of %s or declare it in digest.yaml", t, strings.Join(cfg.TopicSlugs(), ", "))
		}
	}
	r := &ingestRun{opts: opts, cfg: cfg, index: ingest.NewIndex(), ids: map[string]string{}, taken: map[string]bool{},
		model: ingest.NewClassifier(cfg.Topics), stories: ingest.NewStories()}
	return r, r.load(fsys)
}

// load indexes the site's entries for duplicates and trains the topic model
// on them. A broken entry is skipped here: the build reports it.
func (r *ingestRun) load(fsys fs.FS) error {
	files, err := content.EntryFiles(fsys)
	if err != nil {
		return err
	}
	var docs []ingest.Doc
	for _, f := range files {
		r.taken[f] = true
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			continue
		}
		e, err := content.ParseEntry(f, data, r.cfg)
		if e == nil || err != nil && e.Title == "" {
			continue
		}
		r.index.Add(f, e.Title, e.SourceURL, string(e.Body))
		r.loadStory(f, e)
		r.ids[f] = e.ID
		if len(e.Topics) > 0 {
			docs = append(docs, ingest.Doc{Text: e.Title + "\n" + string(e.Body), Topics: e.Topics})
		}
	}
	r.model.Train(docs)
	return nil
}

func (r *ingestRun) input(in ingest.Input, rep *IngestReport) {
	arts, err := ingest.Parse(in, ingest.Options{Location: r.cfg.Location, Extractor: r.opts.Extractor})
	for i := range arts {
		name := in.Name
		switch {
		case arts[i].Record > 0:
			name += "#" + strconv.Itoa(arts[i].Record)
		case len(arts) > 1:
			name += "#" + strconv.Itoa(i+1)
		}
		r.article(name, &arts[i], rep)
	}
	for _, e := range splitErrors(err) {
		if re, ok := errors.AsType[*ingest.RecordError](e); ok {
			fmt.Fprintf(r.opts.Out, "%s:%d: record %d: failed: %v\n", in.Name, re.Line, re.Record, re.Err)
		} else {
			fmt.Fprintf(r.opts.Out, "%s: failed: %v\n", in.Name, e)
		}
		rep.Failed++
	}
}

// splitErrors undoes errors.Join, so that each bad record of an input is
// reported and counted on its own.
func splitErrors(err error) []error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func (r *ingestRun) article(name string, a *ingest.Article, rep *IngestReport) {
	d := ingest.MakeEntry(a, ingest.EntryOptions{Config: r.cfg, Now: r.opts.Date, Topics: r.opts.Topics, Suggest: r.suggest})
	dup, ok := r.index.Find(d.FM.Title, d.FM.SourceURL, d.Body)
	done, ok := r.joinStory(name, &d, dup, ok, rep)
	if done {
		return
	}
	if ok {
		if !r.opts.Force {
			fmt.Fprintf(r.opts.Out, "%s: duplicate of %s\n", name, r.show(dup))
			rep.Duplicates++
			return
		}
		d.File = dup // --force replaces the entry it duplicates, keeping its id
		if id := r.ids[dup]; id != "" {
			d.FM.ID = id
		}
	} else {
		r.uniqueSlug(&d)
	}
	data, err := d.Bytes()
	if err == nil && !r.opts.DryRun {
		err = writeAtomic(filepath.Join(r.opts.Site, filepath.FromSlash(d.File)), data)
	}
	if err != nil {
		fmt.Fprintf(r.opts.Out, "%s: failed: %v\n", name, err)
		rep.Failed++
		return
	}
	r.taken[d.File] = true
	r.index.Add(d.File, d.FM.Title, d.FM.SourceURL, d.Body)
	r.stories.Add(d.File, r.draftStory(&d))
	rep.Wrote++
	line := fmt.Sprintf("%s: wrote %s", name, r.show(d.File))
	if r.opts.DryRun {
		line = fmt.Sprintf("%s: would write %s", name, r.show(d.File))
	}
	if len(d.FM.Topics) == 0 {
		line += " (no topic)"
		rep.NoTopic++
	}
	fmt.Fprintln(r.opts.Out, line)
	if r.opts.DryRun {
		r.opts.Out.Write(data)
	}
}

func (r *ingestRun) suggest(a *ingest.Article) []string {
	return r.model.SuggestFor(a)
}

// uniqueSlug adds -2, -3, ... until no entry of the day has the slug.
func (r *ingestRun) uniqueSlug(d *ingest.Draft) {
	base := d.Slug()
	for n := 2; r.taken[d.File]; n++ {
		suffix := "-" + strconv.Itoa(n)
		d.SetSlug(strings.TrimRight(base[:min(len(base), 80-len(suffix))], "-")+suffix, r.cfg)
	}
}

// show is a file's path as the user knows it: under --site.
func (r *ingestRun) show(file string) string {
	return filepath.Join(r.opts.Site, filepath.FromSlash(file))
}

// writeAtomic writes beside the target and renames, so a crash never leaves half an entry.
func writeAtomic(path string, data []byte) error {
	if err := publish.WriteFile(path, data); err != nil {
		return errors.Join(errors.New("cannot write "+path), err)
	}
	return nil
}

// progress draws a bar on a terminal when there are many inputs.
type progress struct {
	w      io.Writer
	n, all int
}

func newProgress(w io.Writer, all int) *progress {
	if all < 20 {
		w = nil
	}
	return &progress{w: w, all: all}
}

func (p *progress) step() {
	p.n++
	if p.w == nil {
		return
	}
	const width = 30
	fill := p.n * width / p.all
	fmt.Fprintf(p.w, "\r[%s%s] %d/%d", strings.Repeat("=", fill), strings.Repeat(" ", width-fill), p.n, p.all)
}

func (p *progress) done() {
	if p.w != nil {
		fmt.Fprintln(p.w)
	}
}
