package generator

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/ingest"
)

// One story, many sources: an article of another outlet that tells a story
// the site holds (the same text, or the same event in other words, see
// ingest.Stories) joins that entry's also list instead of becoming an
// entry of its own, unless --separate.

// loadStory indexes an entry of the site and its also items.
func (r *ingestRun) loadStory(f string, e *content.Entry) {
	r.stories.Add(f, ingest.Story{Title: e.Title, Body: string(e.Body), Date: e.Date, Source: e.Source, SourceURL: e.SourceURL})
	for _, a := range e.Also {
		// Its address makes a later ingest of the same report a duplicate;
		// its headline, a candidate for a third outlet's.
		r.index.Add(f, "", a.SourceURL, "")
		r.stories.Add(f, ingest.Story{Title: a.Title, Date: a.Date, Source: a.Source, SourceURL: a.SourceURL})
	}
}

// draftStory is what Stories compares of a draft.
func (r *ingestRun) draftStory(d *ingest.Draft) ingest.Story {
	at, _ := content.ParseDate(d.FM.Date, r.cfg.Location) // written by MakeEntry
	return ingest.Story{Title: d.FM.Title, Body: d.Body, Date: at, Source: d.FM.Source, SourceURL: d.FM.SourceURL}
}

// joinStory adds d to the also list of the entry whose story it tells, when
// it comes from another outlet. dup is the entry Index found holding the
// same article, if any. It reports whether d was taken care of, and else
// whether d is still a duplicate: with --separate, the same text from
// another outlet is an entry of its own.
func (r *ingestRun) joinStory(name string, d *ingest.Draft, dup string, isDup bool, rep *IngestReport) (done, stillDup bool) {
	other := isDup && r.stories.OtherSource(dup, d.FM.Source, d.FM.SourceURL)
	switch {
	case r.opts.Separate && other:
		return false, false
	case r.opts.Separate || isDup && (r.opts.Force || !other):
		return false, isDup
	case !isDup:
		f, ok := r.stories.Find(r.draftStory(d))
		if !ok {
			return false, false
		}
		dup = f
	}
	r.addAlso(name, dup, d, rep)
	return true, false
}

// addAlso writes d's outlet into the also list of file.
func (r *ingestRun) addAlso(name, file string, d *ingest.Draft, rep *IngestReport) {
	note := content.AlsoNote{Source: d.FM.Source, SourceURL: d.FM.SourceURL, Title: d.FM.Title, Date: d.FM.Date}
	if !r.opts.DryRun {
		path := filepath.Join(r.opts.Site, filepath.FromSlash(file))
		data, err := os.ReadFile(path)
		if err == nil {
			data, err = content.WithAlso(file, data, note, r.cfg)
		}
		if err == nil {
			err = writeAtomic(path, data)
		}
		if err != nil {
			fmt.Fprintf(r.opts.Out, "%s: failed: %v\n", name, err)
			rep.Failed++
			return
		}
	}
	r.index.Add(file, d.FM.Title, d.FM.SourceURL, d.Body)
	r.stories.Add(file, r.draftStory(d))
	rep.Also++
	verb := "added to"
	if r.opts.DryRun {
		verb = "would be added to"
	}
	fmt.Fprintf(r.opts.Out, "%s: also covered by %s, %s %s\n", name, note.Source, verb, r.show(file))
}
