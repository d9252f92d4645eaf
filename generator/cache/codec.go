package cache

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"time"
	"unsafe"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/deps"
	"github.com/digest-news/digest/generator/publish"
)

// The cache files are written field by field, which decodes much faster
// than gob. Strings are decoded as slices of the payload itself, which is
// never changed after reading: a copy would touch every page of it again.
// TestCodecCoversEntry fails when content.Entry gains a field this file
// does not write.

// encoder writes a cache file to w a piece at a time (see spill): the
// header, room for the checksum, then the payload, whose checksum it keeps.
// Encoding a whole site in memory first would raise a cold build's peak,
// which comes at its end.
type encoder struct {
	b    []byte
	w    io.Writer
	sum  uint32 // CRC-32C of the payload written so far
	skip int    // bytes of b before the payload
	err  error
}

// writeAt is how much the encoder holds before writing it out.
const writeAt = 64 << 10

func newEncoder(w io.Writer) *encoder {
	e := &encoder{b: make([]byte, 0, writeAt+4096), w: w, skip: len(header) + sumSize}
	e.b = append(e.b, header...)
	e.b = append(e.b, make([]byte, sumSize)...)
	return e
}

// spill writes out what the encoder holds once it is writeAt bytes, or at
// once when all is true. Encoders call it between records. An encoder
// without a writer keeps everything.
func (e *encoder) spill(all bool) {
	if e.err != nil || e.w == nil || !all && len(e.b) < writeAt {
		return
	}
	e.sum = crc32.Update(e.sum, castagnoli, e.b[e.skip:])
	e.skip = 0
	_, e.err = e.w.Write(e.b)
	e.b = e.b[:0]
}

// encodeFile writes the cache file of v to w and gives its checksum, which
// belongs after the header (written as zeros).
func encodeFile(w io.Writer, v any) (uint32, error) {
	e := newEncoder(w)
	switch v := v.(type) {
	case *Entries:
		encodeEntries(e, v)
	case *Outputs:
		encodeOutputs(e, v)
	case *outputDelta:
		encodeDelta(e, v)
	default:
		return 0, fmt.Errorf("cache: cannot save %T", v)
	}
	e.spill(true)
	return e.sum, e.err
}

func (e *encoder) uint(n uint64) { e.b = binary.AppendUvarint(e.b, n) }
func (e *encoder) int(n int64)   { e.b = binary.AppendVarint(e.b, n) }
func (e *encoder) key(k Key)     { e.b = append(e.b, k[:]...) }
func (e *encoder) str(s string)  { e.uint(uint64(len(s))); e.b = append(e.b, s...) }

func (e *encoder) bool(v bool) {
	if v {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

func (e *encoder) strs(list []string) {
	if list == nil {
		e.uint(0)
		return
	}
	e.uint(uint64(len(list)) + 1)
	for _, s := range list {
		e.str(s)
	}
}

func (e *encoder) time(t time.Time) {
	if t.IsZero() {
		e.bool(false)
		return
	}
	e.bool(true)
	_, offset := t.Zone()
	e.int(t.Unix())
	e.int(int64(t.Nanosecond()))
	e.int(int64(offset))
}

var errShort = errors.New("cache: truncated record")

// decoder reads what encoder wrote; after the first error every read
// returns a zero value and err stays set.
type decoder struct {
	s   string // the payload
	err error
}

func (d *decoder) fail() { d.err, d.s = errShort, "" }

// end is the outcome of decoding: an error also when bytes are left over.
func (d *decoder) end() error {
	if d.err == nil && d.s != "" {
		return errCorrupt
	}
	return d.err
}

func (d *decoder) uint() uint64 {
	var n uint64
	for i := 0; i < len(d.s) && i < binary.MaxVarintLen64; i++ {
		c := d.s[i]
		n |= uint64(c&0x7f) << (7 * i)
		if c < 0x80 {
			d.s = d.s[i+1:]
			return n
		}
	}
	d.fail()
	return 0
}

func (d *decoder) int() int64 {
	u := d.uint()
	n := int64(u >> 1)
	if u&1 != 0 {
		n = ^n
	}
	return n
}

func (d *decoder) take(n uint64) string {
	if n > uint64(len(d.s)) {
		d.fail()
		return ""
	}
	v := d.s[:n]
	d.s = d.s[n:]
	return v
}

func (d *decoder) str() string { return d.take(d.uint()) }

// count reads the length of a list, which cannot exceed the bytes left
// (every item takes one at least): a damaged length must not size a map.
func (d *decoder) count() uint64 {
	n := d.uint()
	if n > uint64(len(d.s)) {
		d.fail()
		return 0
	}
	return n
}

func (d *decoder) bool() bool { return d.take(1) == "\x01" }

func (d *decoder) key() Key {
	var k Key
	copy(k[:], d.take(uint64(len(k))))
	return k
}

func (d *decoder) strs() []string {
	n := d.uint()
	if n == 0 || n-1 > uint64(len(d.s)) {
		if n != 0 {
			d.fail()
		}
		return nil
	}
	list := make([]string, n-1)
	for i := range list {
		list[i] = d.str()
	}
	return list
}

func (d *decoder) time() time.Time {
	if !d.bool() {
		return time.Time{}
	}
	sec, nsec, offset := d.int(), d.int(), d.int()
	if offset == 0 {
		return time.Unix(sec, nsec).UTC()
	}
	return time.Unix(sec, nsec).In(time.FixedZone("", int(offset)))
}

func (e *encoder) entry(x *content.Entry) {
	f := &x.FrontMatter
	for _, s := range []string{f.Title, f.Date, f.Updated, f.Summary, f.Source, f.SourceURL,
		f.Dateline, f.Note, f.Slug, f.Lang, f.ID, x.File} {
		e.str(s)
	}
	e.strs(f.Topics)
	e.strs(f.Authors)
	e.strs(f.Editors)
	e.bool(f.Image != nil)
	if f.Image != nil {
		e.str(f.Image.URL)
		e.str(f.Image.Caption)
		e.str(f.Image.Credit)
	}
	e.bool(f.Featured)
	e.bool(f.Draft)
	e.time(x.Date)
	e.time(x.Updated)
	e.str(f.Expires)
	e.time(x.Expires)
	e.uint(uint64(len(f.Corrections)))
	for _, c := range f.Corrections {
		e.str(c.Date)
		e.str(c.Text)
	}
	e.uint(uint64(len(x.Corrections)))
	for _, c := range x.Corrections {
		e.time(c.Date)
		e.str(c.Text)
	}
	e.uint(uint64(len(f.Also)))
	for _, a := range f.Also {
		e.str(a.Source)
		e.str(a.SourceURL)
		e.str(a.Title)
		e.str(a.Date)
	}
	e.uint(uint64(len(x.Also)))
	for _, a := range x.Also {
		e.str(a.Source)
		e.str(a.SourceURL)
		e.str(a.Title)
		e.time(a.Date)
	}
}

func (d *decoder) entry(x *content.Entry) {
	f := &x.FrontMatter
	for _, s := range []*string{&f.Title, &f.Date, &f.Updated, &f.Summary, &f.Source, &f.SourceURL,
		&f.Dateline, &f.Note, &f.Slug, &f.Lang, &f.ID, &x.File} {
		*s = d.str()
	}
	f.Topics = d.strs()
	f.Authors = d.strs()
	f.Editors = d.strs()
	if d.bool() {
		f.Image = &content.Image{URL: d.str(), Caption: d.str(), Credit: d.str()}
	}
	f.Featured = d.bool()
	f.Draft = d.bool()
	x.Date = d.time()
	x.Updated = d.time()
	f.Expires = d.str()
	x.Expires = d.time()
	if n := d.count(); n > 0 {
		f.Corrections = make([]content.CorrectionNote, n)
		for i := range f.Corrections {
			f.Corrections[i] = content.CorrectionNote{Date: d.str(), Text: d.str()}
		}
	}
	if n := d.count(); n > 0 {
		x.Corrections = make([]content.Correction, n)
		for i := range x.Corrections {
			x.Corrections[i] = content.Correction{Date: d.time(), Text: d.str()}
		}
	}
	if n := d.count(); n > 0 {
		f.Also = make([]content.AlsoNote, n)
		for i := range f.Also {
			f.Also[i] = content.AlsoNote{Source: d.str(), SourceURL: d.str(), Title: d.str(), Date: d.str()}
		}
	}
	if n := d.count(); n > 0 {
		x.Also = make([]content.Also, n)
		for i := range x.Also {
			x.Also[i] = content.Also{Source: d.str(), SourceURL: d.str(), Title: d.str(), Date: d.time()}
		}
	}
}

func encodeEntries(e *encoder, v *Entries) {
	e.key(v.Config)
	e.uint(uint64(len(v.Files)))
	for name, r := range v.Files {
		e.str(name)
		e.int(r.Size)
		e.int(r.MTime)
		e.uint(r.ID.Inode)
		e.int(r.ID.Change)
		e.key(r.Hash)
		e.key(r.Front)
		e.entry(&r.Entry)
		e.str(r.Lead)
		e.spill(false)
	}
	e.uint(uint64(len(v.Feed)))
	for k, html := range v.Feed {
		e.key(k)
		e.str(html)
		e.spill(false)
	}
	e.uint(uint64(len(v.Folders)))
	for dir, mtime := range v.Folders {
		e.str(dir)
		e.int(mtime)
	}
	e.uint(uint64(len(v.Skipped)))
	for _, file := range v.Skipped {
		e.str(file)
	}
}

func decodeEntries(payload []byte, v *Entries) error {
	d := &decoder{s: unsafe.String(unsafe.SliceData(payload), len(payload))}
	v.Config = d.key()
	n := d.count()
	v.Files = make(map[string]*Entry, n)
	recs := make([]Entry, n)
	for i := range recs {
		r := &recs[i]
		name := d.str()
		r.Size, r.MTime = d.int(), d.int()
		r.ID = publish.FileID{Inode: d.uint(), Change: d.int()}
		r.Hash, r.Front = d.key(), d.key()
		d.entry(&r.Entry)
		r.Lead = d.str()
		v.Files[name] = r
	}
	n = d.count()
	v.Feed = make(map[Key]string, n)
	for range n {
		k := d.key()
		v.Feed[k] = d.str()
	}
	n = d.count()
	v.Folders = make(map[string]int64, n)
	for range n {
		dir := d.str()
		v.Folders[dir] = d.int()
	}
	n = d.count()
	for range n {
		v.Skipped = append(v.Skipped, d.str())
	}
	return d.end()
}

func encodeOutputs(e *encoder, v *Outputs) {
	e.str(v.Out)
	e.outputs(v.Files, v.Names)
	e.valuesOf(v.Names, v.Values)
}

func decodeOutputs(payload []byte, v *Outputs) error {
	d := &decoder{s: unsafe.String(unsafe.SliceData(payload), len(payload))}
	v.Out = d.str()
	v.Files = d.outputs()
	v.Values = d.rest()
	return d.end()
}

// valuesOf ends a record with the values of this build's units, or with
// the values recorded before when the units are not this build's.
func (e *encoder) valuesOf(names *Units, recorded string) {
	if names != nil {
		e.values(names)
	} else {
		e.b = append(e.b, recorded...)
	}
}

// rest is what is left of the payload: the values that end a record (see
// Changes, which checks them).
func (d *decoder) rest() string {
	s := d.s
	d.s = ""
	return s
}

// outputs writes a record of output files (see Outputs and outputDelta).
func (e *encoder) outputs(files map[string]Output, names deps.Namer) {
	e.uint(uint64(len(files)))
	for name, o := range files {
		e.str(name)
		e.key(o.Key)
		e.key(o.Own)
		e.int(o.Stamp.Size)
		e.int(o.Stamp.MTime)
		if o.Units != nil {
			e.str(deps.Join(names, o.Units))
		} else {
			e.str(o.Deps)
		}
		e.spill(false)
	}
}

func (d *decoder) outputs() map[string]Output {
	n := d.count()
	files := make(map[string]Output, n)
	for range n {
		name := d.str()
		o := Output{Key: d.key(), Own: d.key()}
		o.Stamp = publish.Stamp{Size: d.int(), MTime: d.int()}
		o.Deps = d.str()
		files[name] = o
	}
	return files
}
