package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"sync"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/deps"
	"github.com/digest-news/digest/generator/publish"
)

// Dir is the cache folder inside a site.
const Dir = ".digest-cache"

// header starts every cache file; change it when the format changes.
const header = "digest-cache 14\n"

// sumSize is the length of the checksum after the header: a CRC-32C of the
// payload, enough to detect damage at a fraction of a SHA-256's cost.
const sumSize = 4

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Entry is a parsed entry file as it was on disk.
type Entry struct {
	Size, MTime int64
	ID          publish.FileID // with size and time, tells a same-size copy that kept the time
	Hash        Key            // SHA-256 of the file's bytes
	Front       Key            // SHA-256 of its front matter's bytes (see ShownKey and Units)
	Entry       content.Entry  // parsed, without Body
	Lead        string         // the body's first paragraph as text, unless the front matter has a summary
}

// Entries are the parsed entries of a site under one configuration.
type Entries struct {
	Config  Key // the configuration they were checked against
	Files   map[string]*Entry
	Feed    map[Key]string   // an article's feed HTML by FeedKey
	Folders map[string]int64 // the listing Files came from (content.Listing)
	Skipped []string         // the files of that listing that are not entries
}

// Output is one published file.
type Output struct {
	Key   Key
	Stamp publish.Stamp
	Own   Key    // of a page: its OwnKey (see Changes)
	Deps  string // of a page: the units it read, as deps.Join wrote them
	// Units are the units a page read in this build, when Deps is not
	// written yet: they are named (Outputs.Names) only when saved, which
	// spares a build holding a string for each page.
	Units []deps.Unit
}

// Outputs are the files last published into one output folder.
type Outputs struct {
	Out   string // absolute path
	Files map[string]Output
	Names *Units // this build's units, which name the Units of Files; their values are saved with the record
	// Values are the values of the units of the build that made the
	// record, as it saved them (see Changes); empty when unknown.
	Values string
}

// Named is o with every file's Units written into its Deps.
func (o *Outputs) Named() *Outputs {
	c := &Outputs{Out: o.Out, Files: make(map[string]Output, len(o.Files)), Values: o.Values}
	if o.Names != nil {
		c.Values = o.Names.encodedValues()
	}
	for name, f := range o.Files {
		if f.Units != nil {
			f.Deps, f.Units = deps.Join(o.Names, f.Units), nil
		}
		c.Files[name] = f
	}
	return c
}

// Store is the cache of one site folder.
type Store struct {
	dir  string
	memo *Memo // nil: nothing is kept in memory between builds

	mu   sync.Mutex
	read map[string]*readOutputs // by record file name (see Outputs)
}

// Open returns the cache of the site in dir (the folder may not exist yet).
// The builds that share a memo (the preview's) keep what they read and
// saved in it too; memo may be nil.
func Open(site string, memo *Memo) *Store {
	abs, err := filepath.Abs(site)
	if err != nil {
		abs = site
	}
	return &Store{dir: filepath.Join(abs, Dir), memo: memo}
}

// Memo is what the builds of one process that share it keep in memory: the
// last value saved or loaded per cache file, with the file's stamp, so that
// a later build skips decoding; and the records of output folders that live
// no longer than the process (see RememberOutputs).
type Memo struct {
	files   sync.Map // path -> memo
	private sync.Map // path of the record as a file -> *Outputs
}

// Entries loads the cached entries; nil when absent or unreadable.
func (s *Store) Entries() *Entries {
	var e Entries
	if !s.load("entries", &e) || e.Files == nil {
		return nil
	}
	if e.Feed == nil {
		e.Feed = map[Key]string{}
	}
	return &e
}

// SaveEntries replaces the cached entries.
func (s *Store) SaveEntries(e *Entries) error { return s.save("entries", e) }

func outName(out string) string {
	sum := sha256.Sum256([]byte(out))
	return "out-" + Key(sum).String()[:16]
}

type memo struct {
	stamp publish.Stamp
	sum   uint32 // the file's checksum
	value any
}

func (s *Store) load(name string, v any) bool {
	_, ok := s.loadSum(name, v)
	return ok
}

// loadSum is load that also gives the file's checksum, which names the
// file's version (see outputDelta).
func (s *Store) loadSum(name string, v any) (uint32, bool) {
	file := filepath.Join(s.dir, name)
	info, err := os.Stat(file)
	if err != nil {
		return 0, false
	}
	stamp := publish.Stamp{Size: info.Size(), MTime: info.ModTime().UnixNano()}
	if s.memo != nil {
		if m, ok := s.memo.files.Load(file); ok && m.(memo).stamp == stamp {
			return m.(memo).sum, copyInto(m.(memo).value, v)
		}
	}
	data, err := readFile(file)
	if err != nil || decode(data, v) != nil {
		return 0, false
	}
	sum := binary.LittleEndian.Uint32(data[len(header):])
	if s.memo != nil {
		s.memo.files.Store(file, memo{stamp: stamp, sum: sum, value: v})
	}
	return sum, true
}

// copyInto sets *v to the remembered value of the same type.
func copyInto(from, v any) bool {
	switch v := v.(type) {
	case *Entries:
		f, ok := from.(*Entries)
		if ok {
			*v = *f
		}
		return ok
	case *Outputs:
		f, ok := from.(*Outputs)
		if ok {
			*v = *f
		}
		return ok
	case *outputDelta:
		f, ok := from.(*outputDelta)
		if ok {
			*v = *f
		}
		return ok
	}
	return false
}

func (s *Store) save(name string, v any) error {
	_, err := s.saveSum(name, v)
	return err
}

// saveSum is save that also gives the file's checksum.
func (s *Store) saveSum(name string, v any) (uint32, error) {
	file := filepath.Join(s.dir, name)
	var sum uint32
	err := publish.WriteFileFunc(file, func(f *os.File) error {
		var err error
		if sum, err = encodeFile(f, v); err != nil {
			return err
		}
		var b [sumSize]byte
		binary.LittleEndian.PutUint32(b[:], sum)
		_, err = f.WriteAt(b[:], int64(len(header)))
		return err
	})
	if err != nil {
		return 0, err
	}
	if s.memo == nil {
		return sum, nil
	}
	if info, err := os.Stat(file); err == nil && !numbered(v) {
		s.memo.files.Store(file, memo{stamp: publish.Stamp{Size: info.Size(), MTime: info.ModTime().UnixNano()}, sum: sum, value: v})
	} else {
		s.memo.files.Delete(file)
	}
	return sum, nil
}

// numbered reports whether v holds units numbered by this build's model,
// which a later build must read back by name.
func numbered(v any) bool {
	switch v := v.(type) {
	case *Outputs:
		return v.Names != nil
	case *outputDelta:
		return v.Names != nil
	}
	return false
}

// errNotRegular is a cache file that is a link, a FIFO or a device: digest
// writes none, and reading one could block or never end.
var errNotRegular = errors.New("cache file is not a regular file")

var errCorrupt = errors.New("cache file is damaged or of another version")

// decode checks the header and checksum, then decodes the payload into v.
func decode(data []byte, v any) error {
	if len(data) < len(header)+sumSize || string(data[:len(header)]) != header {
		return errCorrupt
	}
	payload := data[len(header)+sumSize:]
	if crc32.Checksum(payload, castagnoli) != binary.LittleEndian.Uint32(data[len(header):]) {
		return errCorrupt
	}
	switch v := v.(type) {
	case *Entries:
		return decodeEntries(payload, v)
	case *Outputs:
		return decodeOutputs(payload, v)
	case *outputDelta:
		return decodeDelta(payload, v)
	}
	return errCorrupt
}
