package search

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/site"
	"golang.org/x/text/unicode/norm"
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

type manifestDoc struct {
	Chunk  int              `json:"chunk"`
	Shards []string         `json:"shards"`
	Stop   []string         `json:"stop"`
	Parts  map[string][]int `json:"parts"`
}

// index is a built index, read back as the search page reads it.
type index struct {
	t     *testing.T
	files map[string][]byte
	man   manifestDoc
}

func readIndex(t *testing.T, files []File) *index {
	t.Helper()
	ix := &index{t: t, files: map[string][]byte{}}
	for _, f := range files {
		ix.files[f.Path] = f.Data
	}
	if err := json.Unmarshal(ix.files[Path], &ix.man); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	return ix
}

// find is what search.js does for one word: the longest shard prefix it
// starts with, the postings of the word there, and their records.
func (ix *index) find(w string) []record {
	own := ""
	for _, p := range ix.man.Shards {
		if strings.HasPrefix(w, p) && len(p) > len(own) {
			own = p
		}
	}
	if own == "" {
		return nil
	}
	var shard map[string][]int
	if err := json.Unmarshal(ix.files[ShardDir+hex.EncodeToString([]byte(own))+".json"], &shard); err != nil {
		ix.t.Fatalf("shard %q: %v", own, err)
	}
	return ix.records(shard[w])
}

// records are the records of a list of postings.
func (ix *index) records(arr []int) []record {
	var out []record
	months := postingMonths(arr)
	for i, month := range months {
		place := arr[2*i+1] >> 1
		name := fmt.Sprintf("%s%d-%02d-%d.json", RecordDir, month/12, month%12+1, place/ix.man.Chunk)
		var chunk []record
		if err := json.Unmarshal(ix.files[name], &chunk); err != nil {
			ix.t.Fatalf("chunk %s: %v", name, err)
		}
		out = append(out, chunk[place%ix.man.Chunk])
	}
	return out
}

// testSite is n articles over a few months, each titled "Story i about
// <word>", with one word every article shares.
func testSite(t *testing.T, n int) *site.Site {
	t.Helper()
	cfg, err := content.ParseConfig([]byte("title: T\nbase_url: https://example.org/repo/\ntopics:\n  economy: {name: Economy}\n"))
	if err != nil {
		t.Fatal(err)
	}
	var entries []*content.Entry
	for i := range n {
		day := time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC).AddDate(0, 0, i*3)
		src := fmt.Sprintf("---\ntitle: Story %d about harbour%d\ndate: %s\nsummary: Everyone reads “Genève” and ΑΘΗΝΑΣ, and common.\ntopics: [economy]\n---\n",
			i, i%7, day.Format("2006-01-02 15:04"))
		e, err := content.ParseEntry(fmt.Sprintf("content/%s/s%d.md", day.Format("2006/01/02"), i), []byte(src), cfg)
		if err != nil {
			t.Fatal(err)
		}
		entries = append(entries, e)
	}
	content.SortNewestFirst(entries)
	return site.New(cfg, entries, site.Options{Now: time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)})
}

// TestEveryArticleIsFoundByItsWords: each word of a title leads to its
// article's record, newest first, through the shard and chunk search.js
// would fetch; folded words (accents, case, final sigma) are found.
func TestEveryArticleIsFoundByItsWords(t *testing.T) {
	s := testSite(t, 120)
	ix := readIndex(t, Files(s))
	for _, a := range s.Listed {
		for _, w := range Words(a.Title) {
			if slices.Contains(ix.man.Stop, w) {
				continue
			}
			found := ix.find(w)
			if !slices.ContainsFunc(found, func(r record) bool { return r.URL == a.URL && r.Title == a.Title }) {
				t.Fatalf("%q does not find %s", w, a.URL)
			}
			for i := 1; i < len(found); i++ {
				if found[i].Date > found[i-1].Date {
					t.Fatalf("%q: %s before %s", w, found[i-1].Date, found[i].Date)
				}
			}
		}
	}
	for _, w := range []string{"geneve", "αθηνασ", "economy"} {
		if got := len(ix.find(w)); got != 120 {
			t.Errorf("%q finds %d articles, want 120", w, got)
		}
	}
}

// TestShardsStaySmall: with many articles the shards split by letter and
// stay under the limit, and the words of most articles become stop words.
func TestShardsStaySmall(t *testing.T) {
	s := testSite(t, 2600)
	files := Files(s)
	ix := readIndex(t, files)
	if !slices.Contains(ix.man.Stop, "story") || !slices.Contains(ix.man.Stop, "economy") {
		t.Errorf("stop words %v", ix.man.Stop)
	}
	shards := 0
	for _, f := range files {
		if strings.HasPrefix(f.Path, ShardDir) {
			shards++
			if len(f.Data) > shardLimit+4096 {
				t.Errorf("%s is %d bytes", f.Path, len(f.Data))
			}
		}
	}
	if shards < 3 {
		t.Errorf("%d shards", shards)
	}
	if got := len(ix.find("harbour3")); got != (2600-3+6)/7 {
		t.Errorf("harbour3 finds %d", got)
	}
}

// TestNewArticleChangesLittle: an article added in the newest month changes
// the shards of its own words, its chunk and nothing else.
func TestNewArticleChangesLittle(t *testing.T) {
	before := map[string]string{}
	for _, f := range Files(testSite(t, 100)) {
		before[f.Path] = string(f.Data)
	}
	next := testSite(t, 101)
	ix := readIndex(t, Files(next))
	a := next.Listed[0]
	may := map[string]bool{}
	for _, w := range appendShownWords(Words(a.Title), a) {
		own := ""
		for _, p := range ix.man.Shards {
			if strings.HasPrefix(w, p) && len(p) > len(own) {
				own = p
			}
		}
		may[ShardDir+hex.EncodeToString([]byte(own))+".json"] = true
	}
	changed := 0
	for path, data := range ix.files {
		if before[path] == string(data) {
			continue
		}
		changed++
		if !may[path] && !strings.HasPrefix(path, RecordDir+a.Date.Format("2006-01")) {
			t.Errorf("%s changed", path)
		}
	}
	if changed == 0 {
		t.Error("nothing changed")
	}
}

func TestWords(t *testing.T) {
	for in, want := range map[string]string{
		"Rates held -- for now":     "rates held for now",
		"“Genève” and ΑΘΗΝΑΣ, 2026": "geneve and αθηνασ 2026",
		"Ça coûte 3€ à l'œil":       "ca coute 3 a l œil",
		"東京の天気":                     "東京の天気",
		"":                          "",
	} {
		if got := strings.Join(Words(in), " "); got != want {
			t.Errorf("Words(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzWords holds the ASCII fast path to the general one.
func FuzzWords(f *testing.F) {
	f.Add("Rates held -- for NOW, 2026!")
	f.Fuzz(func(t *testing.T, s string) {
		if !ascii(s) {
			return
		}
		general := strings.FieldsFunc(strings.ToLower(norm.NFD.String(s)), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
		if got := appendASCIIWords(nil, s); strings.Join(got, " ") != strings.Join(general, " ") || len(got) != len(general) {
			t.Errorf("appendASCIIWords(%q) = %q, want %q", s, got, general)
		}
	})
}
