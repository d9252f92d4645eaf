package ingest

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"
)

// storyPair is one case of testdata/stories.txt.
type storyPair struct {
	name string
	same bool
	a, b Story
}

func readStoryPairs(t *testing.T) []storyPair {
	t.Helper()
	data, err := os.ReadFile("testdata/stories.txt")
	if err != nil {
		t.Fatal(err)
	}
	var pairs []storyPair
	for _, block := range strings.Split(string(data), "\n== ")[1:] {
		head, rest, _ := strings.Cut(block, "\n")
		kind, name, _ := strings.Cut(head, ": ")
		p := storyPair{name: name, same: kind == "same"}
		var reports []Story
		for _, r := range strings.Split(rest, "-- ")[1:] {
			lines := strings.SplitN(strings.TrimSpace(r), "\n", 3)
			if len(lines) != 3 {
				t.Fatalf("%s: a report needs a source line, a headline and a text", name)
			}
			source, date, _ := strings.Cut(lines[0], " | ")
			at, err := time.Parse("2006-01-02 15:04", date)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			reports = append(reports, Story{Source: source, Date: at, Title: lines[1], Body: lines[2],
				SourceURL: "https://" + strings.ToLower(strings.ReplaceAll(source, " ", "")) + ".example/" + Slug(lines[1])})
		}
		if len(reports) != 2 {
			t.Fatalf("%s: %d reports, want 2", name, len(reports))
		}
		p.a, p.b = reports[0], reports[1]
		pairs = append(pairs, p)
	}
	return pairs
}

// TestStoryPairs: the site holds the first report of every pair; each
// second report must find its pair's entry when the pair is one story, and
// no entry at all otherwise (an entry of another pair counts as wrong
// either way).
func TestStoryPairs(t *testing.T) {
	pairs := readStoryPairs(t)
	s := NewStories()
	for i, p := range pairs {
		s.Add(fmt.Sprint(i), p.a)
	}
	var tp, fp, same int
	for i, p := range pairs {
		file, cos, ok := s.best(p.b)
		if p.same {
			same++
		}
		switch {
		case ok && p.same && file == fmt.Sprint(i):
			tp++
		case ok:
			fp++
			t.Logf("%s: matched %q (%s), cosine %.2f", p.name, pairs[fileIndex(file)].name, pairs[fileIndex(file)].a.Title, cos)
		case p.same:
			t.Logf("%s: missed", p.name)
		}
	}
	precision, recall := float64(tp)/float64(max(tp+fp, 1)), float64(tp)/float64(same)
	t.Logf("%d pairs (%d one story): precision %.2f, recall %.2f", len(pairs), same, precision, recall)
	if precision < 1 || recall < 1 {
		t.Errorf("precision %.2f, recall %.2f; want 1.00 and 1.00", precision, recall)
	}
}

// TestStoriesRules: a feed item of a headline and one line joins the story
// of its near-identical headline; an article of the outlet an entry is
// from, or dated past the window, joins nothing; terms keep figures whole.
func TestStoriesRules(t *testing.T) {
	at := time.Date(2026, 11, 16, 8, 0, 0, 0, time.UTC)
	s := NewStories()
	s.Add("ferry.md", Story{Title: "Ferry strike called off after crews accept pay offer", Date: at, Source: "Harbour Gazette",
		SourceURL: "https://www.gazette.example/ferry",
		Body:      "Ferries between Port Ellis and the Skerry Islands run again from Tuesday after crews voted to accept a 6.5% pay offer, ending a nine-day walkout. Shops on the islands ran short of [bread](https://gazette.example/bread) and fuel."})
	s.Add("budget.md", Story{Title: "Council sets budget for the Skerry Islands", Date: at, Source: "Island Radio",
		Body: "The council has set next year's budget for the islands, with more money for roads and schools."})
	for _, tt := range []struct {
		name string
		st   Story
		want string
	}{
		{"a short item of the same headline", Story{Title: "Ferry strike called off as crews accept pay offer", Date: at.Add(5 * time.Hour),
			Source: "Coast Radio", Body: "Sailings resume on Tuesday."}, "ferry.md"},
		{"a short item of another story", Story{Title: "Crews accept new rotas on Skerry ferries", Date: at.Add(5 * time.Hour),
			Source: "Coast Radio", Body: "The union agreed the rotas."}, ""},
		{"the entry's own outlet, by host", Story{Title: "Ferry strike called off as crews accept pay offer", Date: at.Add(5 * time.Hour),
			Source: "The Gazette", SourceURL: "https://gazette.example/ferry-2", Body: "Sailings resume on Tuesday."}, ""},
		{"an unknown outlet", Story{Title: "Ferry strike called off as crews accept pay offer", Date: at.Add(5 * time.Hour),
			Body: "Sailings resume on Tuesday."}, ""},
		{"four days on", Story{Title: "Ferry strike called off as crews accept pay offer", Date: at.Add(96 * time.Hour),
			Source: "Coast Radio", Body: "Sailings resume on Tuesday."}, ""},
	} {
		if got, _ := s.Find(tt.st); got != tt.want {
			t.Errorf("%s: found %q, want %q", tt.name, got, tt.want)
		}
	}
	var terms []string
	forTerms("The bank's rate rose to 4.75%, from 4,500 raised; see 2 x", func(w string) bool {
		terms = append(terms, w)
		return true
	})
	if got := strings.Join(terms, " "); got != "bank rate rose 4.75 4500 raise see 2" {
		t.Errorf("terms: %q", got)
	}
	if got := leadOf("see [the report](https://a.example/y) and [more](/z)."); got != "see [the report] and [more]." {
		t.Errorf("leadOf: %q", got)
	}
}

func fileIndex(s string) int {
	var n int
	fmt.Sscan(s, &n)
	return n
}

// BenchmarkStories10k: a site of 10,000 entries, 30 a day, indexed once,
// then one lookup per ingested article.
func BenchmarkStories10k(b *testing.B) {
	rnd := rand.New(rand.NewPCG(1, 2))
	zipf := func() string { return fmt.Sprintf("w%dx", int(math.Exp(rnd.Float64()*math.Log(20000)))) }
	text := func(n int) string {
		var sb strings.Builder
		for range n {
			sb.WriteString(zipf() + " ")
		}
		return sb.String()
	}
	day := time.Date(2026, 1, 1, 8, 0, 0, 0, time.UTC)
	stories := make([]Story, 10000)
	for i := range stories {
		stories[i] = Story{Title: text(8), Body: text(400), Date: day.Add(time.Duration(i) * 48 * time.Minute), Source: fmt.Sprint("outlet ", i%40)}
	}
	start := time.Now()
	s := NewStories()
	for i, st := range stories {
		s.Add(fmt.Sprint(i), st)
	}
	b.Logf("indexed %d entries in %v", s.Len(), time.Since(start))
	q := Story{Title: text(8), Body: text(400), Date: day.Add(100 * 24 * time.Hour), Source: "another"}
	b.ResetTimer()
	for b.Loop() {
		s.Find(q)
	}
}
