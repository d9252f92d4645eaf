package generator

import (
	"github.com/digest-news/digest/generator/cache"
	"github.com/digest-news/digest/generator/publish"
	"github.com/digest-news/digest/generator/site"
)

// sink takes the output files of a build.
type sink interface {
	keep(name string, stamp publish.Stamp) bool          // leave the published file as it is
	put(name string, data []byte) (publish.Stamp, error) // publish data (stamp zero until commit)
	flush() (bool, error)                                // publish what was put so far, if the sink can
	commit() (publish.Result, error)
	abort()
}

// openSink chooses how to publish: in place when the output folder is known
// and at most a quarter of its pages change, else into a new folder swapped in.
func (b *builder) openSink(pages []*site.Page, keys []cache.Key) (sink, error) {
	if b.sink != nil {
		return b.sink, nil // opened for the edited pages (see showEdited)
	}
	b.outputs(len(pages))
	if b.old != nil {
		changed := 0
		for i, p := range pages {
			if o, ok := b.old.Files[p.Path]; !ok || o.Key != keys[i] {
				changed++
			}
		}
		if changed*4 <= len(pages) {
			return b.placeSink(), nil
		}
	}
	w, err := publish.NewWriter(b.out)
	if err != nil {
		return nil, err
	}
	return streamSink{w}, nil
}

// outputs takes the record of what the output folder holds, and starts this
// build's.
func (b *builder) outputs(pages int) {
	if b.next != nil {
		return
	}
	b.next = &cache.Outputs{Out: b.out, Files: make(map[string]cache.Output, pages+128), Names: b.units}
	if b.store != nil {
		r := <-b.prevOutputs
		b.old, b.checked = r.rec, r.checked
	}
}

func (b *builder) placeSink() *placeSink {
	u := publish.NewUpdater(b.out)
	u.Overwrite = b.opts.Preview != nil
	// The preview's folder changes only by its builder; other folders were
	// compared with their record (checkOutputs), and what changed lost its key.
	return &placeSink{b: b, u: u, trust: b.opts.Preview != nil || b.checked}
}

type streamSink struct{ w *publish.Writer }

func (s streamSink) keep(name string, st publish.Stamp) bool { return s.w.Reuse(name, st) }
func (s streamSink) put(name string, data []byte) (publish.Stamp, error) {
	return s.w.Write(name, data)
}
func (s streamSink) flush() (bool, error)            { return false, nil } // it swaps in a whole folder
func (s streamSink) commit() (publish.Result, error) { return s.w.Commit() }
func (s streamSink) abort()                          { s.w.Abort() }

type placeSink struct {
	b     *builder
	u     *publish.Updater
	trust bool // a file whose recorded key matched is as recorded: skip the stat
}

func (s *placeSink) keep(name string, st publish.Stamp) bool {
	if s.trust {
		s.u.Kept(st)
		return true
	}
	return s.u.Keep(name, st)
}
func (s *placeSink) put(name string, data []byte) (publish.Stamp, error) {
	st, _, err := s.u.Put(name, data)
	return st, err
}
func (s *placeSink) abort() {}

func (s *placeSink) flush() (bool, error) {
	stamps, err := s.u.Flush()
	s.b.stamped(stamps)
	return err == nil, err
}

func (s *placeSink) commit() (publish.Result, error) {
	res, stamps, err := s.u.Commit(s.b.stale())
	s.b.stamped(stamps)
	return res, err
}

// stamped records the stamps of files written.
func (b *builder) stamped(stamps map[string]publish.Stamp) {
	b.nextMu.Lock()
	defer b.nextMu.Unlock()
	for name, st := range stamps {
		o := b.next.Files[name]
		o.Stamp = st
		b.next.Files[name] = o
	}
}
