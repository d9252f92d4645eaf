package content

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestDecodeFastAgrees checks the fast path against the YAML library on
// every front matter it accepts.
func TestDecodeFastAgrees(t *testing.T) {
	heads := []string{
		"title: \"Percent Leaders Chain\"\ndate: 2023-03-23T20:11:49Z\ntopics:\n  - \"politics\"\n  - economy\nsource: \"Open Desk\"\nauthors:\n  - \"Priya Novak\"\nsummary: \"The law, in revenue: are reef.\"\n",
		"title: Plain title here\ndate: 2026-03-02 09:15\nupdated: 2026-03-02\nslug: a-slug\nlang: en-GB\nsource_url: \"https://example.org/x?y=1#z\"\n",
		"title: \"A\"\ndate: 2026-03-02T09:15:00+01:00\nnote: \"Why: it matters.\"\ndateline: LONDON\nid: \"tag:example.org,2026:x\"\n",
	}
	for _, h := range heads {
		var fast, slow FrontMatter
		if !decodeFast([]byte(h), &fast) {
			t.Errorf("fast path refused:\n%s", h)
			continue
		}
		if e := decode("x.md", 1, []byte(h), &slow); e != nil {
			t.Fatal(e)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Errorf("fast %+v\nslow %+v", fast, slow)
		}
	}
	refused := []string{
		"title: \"a\"\ntitle: \"b\"\n", "title: 'single'\n", "title: \"esc\\\"\"\n", "draft: true\n",
		"title: yes\n", "image:\n  url: x\n", "topics: [a, b]\n", "title: a # comment\n", "unknown: x\n",
		"title: 12\n", "topics:\n", "title: &a x\n", "title: \"x\" # c\n",
	}
	for _, h := range refused {
		var fm FrontMatter
		if decodeFast([]byte(h), &fm) {
			t.Errorf("fast path took %q as %+v", h, fm)
		}
	}
}

// FuzzDecodeFast: whatever the fast path accepts, the YAML library reads the same.
func FuzzDecodeFast(f *testing.F) {
	f.Add("title: \"x\"\ndate: 2026-01-02\ntopics:\n  - a\n")
	f.Fuzz(func(t *testing.T, h string) {
		var fast, slow FrontMatter
		if !decodeFast([]byte(h), &fast) {
			return
		}
		if e := decode("x.md", 1, []byte(h), &slow); e != nil {
			t.Fatalf("fast path took %q, the YAML library says %v", h, e)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("%q: fast %+v, slow %+v", h, fast, slow)
		}
	})
}

// TestDecodeFastOnTestdata: every entry under testdata parses the same either way.
func TestDecodeFastOnTestdata(t *testing.T) {
	files, _ := filepath.Glob("../testdata/site/content/*/*/*/*.md")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		head, _, _, e := split(file, data)
		if e != nil {
			continue
		}
		var fast, slow FrontMatter
		if !decodeFast(head, &fast) {
			continue
		}
		if e := decode(file, 1, head, &slow); e != nil {
			t.Errorf("%s: fast path took what the YAML library refuses: %v", file, e)
		} else if !reflect.DeepEqual(fast, slow) {
			t.Errorf("%s: fast %+v, slow %+v", file, fast, slow)
		}
	}
}
