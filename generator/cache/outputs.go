package cache

import (
	"maps"
	"os"
	"path/filepath"
	"unsafe"

	"github.com/digest-news/digest/generator/publish"
)

// An output record is saved as a base file and a small delta file beside
// it: a warm build changes a few of thousands of records, and writing them
// all again would be a noticeable part of its time. The delta holds every change since
// the base, so each save replaces it; once it grows past a sixteenth of the
// record, the base is written again and the delta removed.
const (
	deltaSuffix = ".delta"
	deltaShare  = 16
)

// outputDelta is the changes to the output record whose base file has the
// checksum Base. A file no longer published has a negative size.
type outputDelta struct {
	Base   uint32
	Files  map[string]Output
	Names  *Units // names the Units of Files; their values end the delta
	Values string // as read
}

var gone = Output{Stamp: publish.Stamp{Size: -1}}

// readOutputs is what Outputs read of one record, for SaveOutputs.
type readOutputs struct {
	base  uint32
	delta map[string]Output
}

// Outputs loads what was last published into out; nil when unknown.
func (s *Store) Outputs(out string) *Outputs {
	name := outName(out)
	if s.memo != nil {
		if o, ok := s.memo.private.Load(filepath.Join(s.dir, name)); ok {
			c := *o.(*Outputs)
			return &c
		}
	}
	var o Outputs
	base, ok := s.loadSum(name, &o)
	if !ok || o.Out != out || o.Files == nil {
		return nil
	}
	read := &readOutputs{base: base}
	var d outputDelta
	if s.load(name+deltaSuffix, &d) && d.Base == base {
		for file, f := range d.Files {
			if f.Stamp.Size < 0 {
				delete(o.Files, file)
			} else {
				o.Files[file] = f
			}
		}
		read.delta = d.Files
		o.Values = d.Values // the values of the last save, whose files the delta holds
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.read == nil {
		s.read = map[string]*readOutputs{}
	}
	s.read[name] = read
	return &o
}

// SaveOutputs records what was published into o.Out: as a delta of the
// record Outputs read, when small enough. changed names every file whose
// record may differ from that one's, removed every file it lost: working
// them out here would take two passes over every record for each save.
func (s *Store) SaveOutputs(o *Outputs, changed, removed []string) error {
	name := outName(o.Out)
	s.mu.Lock()
	read := s.read[name]
	s.mu.Unlock()
	if read != nil && len(read.delta)+len(changed)+len(removed) <= len(o.Files)/deltaShare {
		delta := maps.Clone(read.delta)
		if delta == nil {
			delta = map[string]Output{}
		}
		for _, file := range changed {
			if f, ok := o.Files[file]; ok {
				delta[file] = f
			}
		}
		for _, file := range removed {
			delta[file] = gone
		}
		return s.save(name+deltaSuffix, &outputDelta{Base: read.base, Files: delta, Names: o.Names, Values: o.Values})
	}
	sum, err := s.saveSum(name, o)
	s.removeFile(name + deltaSuffix)
	if err == nil {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.read == nil {
			s.read = map[string]*readOutputs{}
		}
		s.read[name] = &readOutputs{base: sum}
	}
	return err
}

// RememberOutputs records, in memory only, what was published into o.Out, a
// folder that lives no longer than this process (the preview's).
func (s *Store) RememberOutputs(o *Outputs) {
	if s.memo != nil {
		s.memo.private.Store(filepath.Join(s.dir, outName(o.Out)), o.Named()) // the next build's model numbers its units anew
	}
}

// DropOutputs forgets what was published into out (before it changes
// without a record, so that a failure cannot leave a stale record).
func (s *Store) DropOutputs(out string) {
	name := outName(out)
	s.removeFile(name)
	s.removeFile(name + deltaSuffix)
	if s.memo != nil {
		s.memo.private.Delete(filepath.Join(s.dir, name))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.read, name)
}

func (s *Store) removeFile(name string) {
	os.Remove(filepath.Join(s.dir, name))
	if s.memo != nil {
		s.memo.files.Delete(filepath.Join(s.dir, name))
	}
}

func encodeDelta(e *encoder, v *outputDelta) {
	e.uint(uint64(v.Base))
	e.outputs(v.Files, v.Names)
	e.valuesOf(v.Names, v.Values)
}

func decodeDelta(payload []byte, v *outputDelta) error {
	d := &decoder{s: unsafe.String(unsafe.SliceData(payload), len(payload))}
	v.Base = uint32(d.uint())
	v.Files = d.outputs()
	v.Values = d.rest()
	return d.end()
}
