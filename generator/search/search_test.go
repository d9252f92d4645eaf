package search

import (
	"encoding/json"
	"testing"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/site"
)

// record is an index record as the search page reads it.
type record struct {
	Title   string   `json:"t"`
	URL     string   `json:"u"`
	Date    string   `json:"d"`
	Summary string   `json:"s,omitempty"`
	Topics  []string `json:"g,omitempty"`
	Source  string   `json:"o,omitempty"`
}

func TestIndex(t *testing.T) {
	cfg, err := content.ParseConfig([]byte("title: T\nbase_url: https://example.org/repo/\ntopics:\n  economy: {name: Economy}\n"))
	if err != nil {
		t.Fatal(err)
	}
	var entries []*content.Entry
	for _, src := range []string{
		"---\ntitle: Older <b>story</b>\ndate: 2026-11-17\nsummary: About \"rates\".\ntopics: [economy]\n---\n",
		"---\ntitle: Newer\ndate: 2026-11-18\n---\n",
	} {
		e, err := content.ParseEntry("content/x/e.md", []byte(src), cfg)
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, e)
	}
	content.SortNewestFirst(entries)
	data, err := Index(site.New(cfg, entries, site.Options{Future: true}))
	if err != nil {
		t.Fatal(err)
	}
	var got []record
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Title != "Newer" || got[1].Title != "Older <b>story</b>" {
		t.Fatalf("index %s", data)
	}
	// the summary went through the typographer, as on the page
	if got[1].URL != "/repo/2026/11/17/e/" || got[1].Topics[0] != "Economy" || got[1].Summary != `About “rates”.` {
		t.Errorf("record %+v", got[1])
	}
}

// appendString must escape as encoding/json does, so that the index stays
// the same bytes whichever writes it.
func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range []string{
		"", "plain", `quote " and \ backslash`, "<b>bold</b> & more", "tab\tnew\nline\rcr",
		"\b\f\x00\x1f\x7f", "café — “quotes”", "\u2028sep\u2029", "bad \xff utf-8 \xc3",
	} {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendString(nil, s); string(got) != string(want) {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
	}
}

func FuzzAppendString(f *testing.F) {
	f.Add("a<b>&\"\\\n\u2028\xff")
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendString(nil, s); string(got) != string(want) {
			t.Errorf("appendString(%q) = %s, want %s", s, got, want)
		}
	})
}
