package cache

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"sync"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/publish"
)

// Dir is the cache folder inside a site.
const Dir = ".digest-cache"

// header starts every cache file; change it when the format changes.
const header = "digest-cache 5\n"

// sumSize is the length of the checksum after the header: a CRC-32C of the
// payload, enough to detect damage at a fraction of a SHA-256's cost.
const sumSize = 4

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Entry is a parsed entry file as it was on disk.
type Entry struct {
	Size, MTime int64
	Hash        Key           // SHA-256 of the file's bytes
	Front       Key           // SHA-256 of its front matter's bytes (see ShownKey)
	Entry       content.Entry // parsed, without Body
	Excerpt     string        // the body's first paragraph as text, when Converted
	Converted   bool
}

// Entries are the parsed entries of a site under one configuration.
type Entries struct {
	Config  Key // the configuration they were checked against
	Files   map[string]*Entry
	Feed    map[Key]string   // an article's feed HTML by FeedKey
	Folders map[string]int64 // the listing Files came from (content.Listing)
}

// Output is one published file.
type Output struct {
	Key   Key
	Stamp publish.Stamp
}

// Outputs are the files last published into one output folder.
type Outputs struct {
	Out   string // absolute path
	Files map[string]Output
}

// Store is the cache of one site folder.
type Store struct {
	dir string
}

// Open returns the cache of the site in dir (the folder may not exist yet).
func Open(site string) *Store {
	abs, err := filepath.Abs(site)
	if err != nil {
		abs = site
	}
	return &Store{dir: filepath.Join(abs, Dir)}
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

// Outputs loads what was last published into out; nil when unknown.
func (s *Store) Outputs(out string) *Outputs {
	if o, ok := private.Load(filepath.Join(s.dir, outName(out))); ok {
		c := *o.(*Outputs)
		return &c
	}
	var o Outputs
	if !s.load(outName(out), &o) || o.Out != out || o.Files == nil {
		return nil
	}
	return &o
}

// SaveOutputs records what was published into o.Out.
func (s *Store) SaveOutputs(o *Outputs) error { return s.save(outName(o.Out), o) }

// RememberOutputs records, in memory only, what was published into o.Out, a
// folder that lives no longer than this process (the preview's).
func (s *Store) RememberOutputs(o *Outputs) { private.Store(filepath.Join(s.dir, outName(o.Out)), o) }

// private holds the records of RememberOutputs.
var private sync.Map // path of the record as a file -> *Outputs

// DropOutputs forgets what was published into out (before it changes
// without a record, so that a failure cannot leave a stale record).
func (s *Store) DropOutputs(out string) {
	name := outName(out)
	os.Remove(filepath.Join(s.dir, name))
	mem.Delete(filepath.Join(s.dir, name))
	private.Delete(filepath.Join(s.dir, name))
}

func outName(out string) string {
	sum := sha256.Sum256([]byte(out))
	return "out-" + Key(sum).String()[:16]
}

// mem keeps the last value saved or loaded per cache file, with the file's
// stamp, so that repeated builds in one process skip decoding.
var mem sync.Map // path -> memo

type memo struct {
	stamp publish.Stamp
	value any
}

func (s *Store) load(name string, v any) bool {
	file := filepath.Join(s.dir, name)
	info, err := os.Stat(file)
	if err != nil {
		return false
	}
	stamp := publish.Stamp{Size: info.Size(), MTime: info.ModTime().UnixNano()}
	if m, ok := mem.Load(file); ok && m.(memo).stamp == stamp {
		return copyInto(m.(memo).value, v)
	}
	data, err := readFile(file)
	if err != nil || decode(data, v) != nil {
		return false
	}
	mem.Store(file, memo{stamp: stamp, value: v})
	return true
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
	}
	return false
}

func (s *Store) save(name string, v any) error {
	var data []byte
	switch v := v.(type) {
	case *Entries:
		data = encodeEntries(v)
	case *Outputs:
		data = encodeOutputs(v)
	default:
		return fmt.Errorf("cache: cannot save %T", v)
	}
	binary.LittleEndian.PutUint32(data[len(header):], crc32.Checksum(data[len(header)+sumSize:], castagnoli))
	file := filepath.Join(s.dir, name)
	if err := publish.WriteFile(file, data); err != nil {
		return err
	}
	if info, err := os.Stat(file); err == nil {
		mem.Store(file, memo{stamp: publish.Stamp{Size: info.Size(), MTime: info.ModTime().UnixNano()}, value: v})
	}
	return nil
}

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
	}
	return errCorrupt
}
