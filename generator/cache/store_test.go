package cache

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/publish"
)

// fullEntry sets every field of a content.Entry, by reflection, so that a
// field the codec forgets shows up as a difference after a round trip.
func fullEntry(t *testing.T, seed string) content.Entry {
	t.Helper()
	var e content.Entry
	n := 0
	var fill func(v reflect.Value)
	fill = func(v reflect.Value) {
		n++
		switch v.Kind() {
		case reflect.String:
			v.SetString(seed + "-" + string(rune('a'+n%26)))
		case reflect.Bool:
			v.SetBool(true)
		case reflect.Slice:
			if v.Type().Elem().Kind() == reflect.String {
				v.Set(reflect.ValueOf([]string{seed, "x" + seed}))
				return
			}
			if v.Type().Elem().Kind() != reflect.Struct {
				return // the body, never cached
			}
			// Lists of items (corrections, also) get two, each field filled.
			v.Set(reflect.MakeSlice(v.Type(), 2, 2))
			for i := range v.Len() {
				fill(v.Index(i))
			}
		case reflect.Pointer:
			v.Set(reflect.New(v.Type().Elem()))
			fill(v.Elem())
		case reflect.Struct:
			if v.Type() == reflect.TypeOf(time.Time{}) {
				v.Set(reflect.ValueOf(time.Date(2026, 11, 18, 7, 30, n, 5, time.FixedZone("", 3600))))
				return
			}
			for i := range v.NumField() {
				fill(v.Field(i))
			}
		default:
			t.Fatalf("content.Entry has a field of kind %s: teach the codec (codec.go) and this test", v.Kind())
		}
	}
	fill(reflect.ValueOf(&e).Elem())
	e.Body = nil // never cached
	return e
}

// TestCodecCoversEntry fails when content.Entry gains a field the cache does not keep.
func TestCodecCoversEntry(t *testing.T) {
	in := &Entries{Config: Sum([]byte("cfg")), Files: map[string]*Entry{}, Feed: map[Key]string{Sum([]byte("k")): "<p>feed</p>"}}
	for _, name := range []string{"content/a.md", "content/b.md"} {
		in.Files[name] = &Entry{Size: 12, MTime: -3, Hash: Sum([]byte(name)), Entry: fullEntry(t, name), Lead: "ex"}
	}
	in.Files["content/zero.md"] = &Entry{Entry: content.Entry{File: "content/zero.md"}}
	var file bytes.Buffer
	if _, err := encodeFile(&file, in); err != nil {
		t.Fatal(err)
	}
	encoded := file.Bytes()
	var out Entries
	if err := decodeEntries(encoded[len(header)+sumSize:], &out); err != nil {
		t.Fatal(err)
	}
	for name, want := range in.Files {
		got := out.Files[name]
		if got == nil {
			t.Fatalf("%s lost", name)
		}
		// Times come back as the same instant in a fixed zone of the same offset.
		for _, p := range [][2]*time.Time{{&got.Entry.Date, &want.Entry.Date}, {&got.Entry.Updated, &want.Entry.Updated}} {
			if !p[0].Equal(*p[1]) || p[0].IsZero() != p[1].IsZero() || p[0].Format(time.RFC3339Nano) != p[1].Format(time.RFC3339Nano) {
				t.Errorf("%s: time %v, want %v", name, *p[0], *p[1])
			}
			*p[0] = *p[1]
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: round trip\n got %+v\nwant %+v", name, got, want)
		}
	}
	if !reflect.DeepEqual(out.Feed, in.Feed) || out.Config != in.Config {
		t.Errorf("feed or config lost: %+v", out)
	}
}

func TestStoreRoundTripAndDamage(t *testing.T) {
	site := t.TempDir()
	out := filepath.Join(site, "public")
	outputs := &Outputs{Out: out, Files: map[string]Output{
		"index.html": {Key: Sum([]byte("i")), Stamp: publish.Stamp{Size: 10, MTime: 1234567890123}},
		"feed.xml":   {Key: Sum([]byte("f")), Stamp: publish.Stamp{Size: 3, MTime: -1}},
	}}
	entries := &Entries{Config: Sum([]byte("c")), Files: map[string]*Entry{"content/x.md": {Size: 1, Hash: Sum([]byte("x")), Entry: fullEntry(t, "x")}}, Feed: map[Key]string{}}
	file := func(name string) string { return filepath.Join(site, Dir, name) }
	damage := map[string]func(data []byte) []byte{
		"other version": func(d []byte) []byte { return append([]byte("digest-cache 0\n"), d[len(header):]...) },
		"bad checksum":  func(d []byte) []byte { d[len(d)-1] ^= 1; return d },
		"truncated":     func(d []byte) []byte { return d[:len(d)-5] },
		"empty":         func([]byte) []byte { return nil },
		"header only":   func([]byte) []byte { return []byte(header) },
	}
	for name, spoil := range damage {
		t.Run(name, func(t *testing.T) {
			s := Open(site, nil)
			if err := s.SaveOutputs(outputs, nil, nil); err != nil {
				t.Fatal(err)
			}
			if err := s.SaveEntries(entries); err != nil {
				t.Fatal(err)
			}
			if got := s.Outputs(out); got == nil || !reflect.DeepEqual(got.Files, outputs.Files) {
				t.Fatalf("outputs round trip: %+v", got)
			}
			if got := s.Entries(); got == nil || len(got.Files) != 1 || got.Files["content/x.md"].Entry.Title != entries.Files["content/x.md"].Entry.Title {
				t.Fatalf("entries round trip: %+v", got)
			}
			for _, f := range []string{outName(out), "entries"} {
				data, err := os.ReadFile(file(f))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(file(f), spoil(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if got := s.Outputs(out); got != nil {
				t.Errorf("damaged outputs record used: %+v", got)
			}
			if got := s.Entries(); got != nil {
				t.Errorf("damaged entries used: %+v", got)
			}
		})
	}
}

func TestOutputsOfAnotherFolderIgnored(t *testing.T) {
	site := t.TempDir()
	memo := &Memo{}
	s := Open(site, memo)
	a := &Outputs{Out: filepath.Join(site, "a"), Files: map[string]Output{"x": {}}}
	if err := s.SaveOutputs(a, nil, nil); err != nil {
		t.Fatal(err)
	}
	if got := s.Outputs(filepath.Join(site, "b")); got != nil {
		t.Errorf("record of a used for b: %+v", got)
	}
	s.DropOutputs(a.Out)
	if got := s.Outputs(a.Out); got != nil {
		t.Errorf("dropped record still used: %+v", got)
	}
	s.RememberOutputs(a)
	if got := s.Outputs(a.Out); got == nil {
		t.Error("remembered record lost")
	}
	if _, err := os.Stat(filepath.Join(site, Dir, outName(a.Out))); err == nil {
		t.Error("remembered record written to disk")
	}
	if got := Open(site, nil).Outputs(a.Out); got != nil {
		t.Error("a build that does not share the memo sees its remembered record")
	}
	s.DropOutputs(a.Out)
}

// A cache file larger than the encoder's buffer is written in pieces; the
// checksum must cover them all.
func TestLargeEntriesRoundTrip(t *testing.T) {
	site := t.TempDir()
	in := &Entries{Config: Sum([]byte("c")), Files: map[string]*Entry{}, Feed: map[Key]string{}}
	for i := range 3000 {
		name := fmt.Sprintf("content/2026/01/02/entry-%d.md", i)
		in.Files[name] = &Entry{Size: int64(i), Hash: Sum([]byte(name)), Entry: fullEntry(t, name), Lead: strings.Repeat("x", i%200)}
		in.Feed[Sum([]byte(name))] = strings.Repeat("<p>feed</p>", i%50)
	}
	if err := Open(site, nil).SaveEntries(in); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(filepath.Join(site, Dir, "entries")); err != nil || info.Size() < 4*writeAt {
		t.Fatalf("cache file too small to test writing in pieces: %v, %v", info, err)
	}
	out := Open(site, nil).Entries()
	if out == nil || len(out.Files) != len(in.Files) || len(out.Feed) != len(in.Feed) {
		t.Fatalf("round trip of %d entries lost some: %+v", len(in.Files), out)
	}
	for name, want := range in.Files {
		if got := out.Files[name]; got.Size != want.Size || got.Lead != want.Lead || got.Entry.Title != want.Entry.Title {
			t.Fatalf("%s: got %+v, want %+v", name, got, want)
		}
	}
}
