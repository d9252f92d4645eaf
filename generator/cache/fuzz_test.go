package cache

import (
	"bytes"
	"testing"

	"github.com/digest-news/digest/generator/publish"
)

// A cache file is read back by hand-written decoders; whatever bytes they
// meet (a damaged file whose checksum happens to match, another version's
// payload), they must fail cleanly, never panic or loop.
func FuzzDecodeCache(f *testing.F) {
	entries := &Entries{Config: Sum([]byte("c")), Files: map[string]*Entry{}, Feed: map[Key]string{Sum([]byte("f")): "<p>x</p>"},
		Folders: map[string]int64{"content/2026": 7}}
	entries.Files["content/a.md"] = &Entry{Size: 3, MTime: 4, Lead: "ex"}
	outputs := &Outputs{Out: "/site/public", Files: map[string]Output{"a/index.html": {Key: Sum([]byte("k")), Stamp: publish.Stamp{Size: 5, MTime: 6}}}}
	delta := &outputDelta{Base: 99, Files: map[string]Output{"b/index.html": gone}}
	for _, v := range []any{entries, outputs, delta} {
		var b bytes.Buffer
		if _, err := encodeFile(&b, v); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes()[len(header)+sumSize:])
	}
	f.Fuzz(func(t *testing.T, payload []byte) {
		var e Entries
		if decodeEntries(payload, &e) == nil && e.Files == nil {
			t.Error("entries decoded without a map of files")
		}
		var o Outputs
		if decodeOutputs(payload, &o) == nil && o.Files == nil {
			t.Error("outputs decoded without a map of files")
		}
		var d outputDelta
		if decodeDelta(payload, &d) == nil && d.Files == nil {
			t.Error("delta decoded without a map of files")
		}
	})
}
