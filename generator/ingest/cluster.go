package ingest

import (
	"math"
	"slices"
	"strings"
	"time"
)

// Stories finds the entry that already tells the story of an article from
// another outlet: the same event in other words. Index finds the same
// article (a re-scrape, a copy); a rewrite shares few word runs with its
// original, so Stories compares the words themselves, weighted by how rare
// they are among the site's entries (TF-IDF cosine): two reports of one
// event share its names, places and figures, two stories of one topic only
// the topic's words.
//
// Each entry's terms are counted once, when it is added; a lookup compares
// the article with the entries dated within StoryWindow of it, found by
// day, so its cost grows with the entries of a week, not of the site.
type Stories struct {
	vocab   map[string]uint32
	df      []int32 // entries holding each term
	docs    []storyDoc
	byDay   map[int64][]int32   // day number -> docs dated that day
	sources map[string][]string // file -> its outlets (see outletKeys)
	logs    []float64           // logs[k] = ln k: a cosine takes a few hundred
	idfs    []float64           // each term's idf, for idfDocs reports held
	idfDocs int
}

// StoryWindow is how far apart two reports of one event may be dated: news
// of an event runs for days; a story nine days on is a new development.
const StoryWindow = 72 * time.Hour

// The cosine an article needs with an entry to be its story: storyCos on
// its own, titleCos when the headlines share most of their words.
const (
	storyCos  = 0.4
	titleCos  = 0.2
	titleJacc = 0.5
)

// storyTerms: an article of fewer distinct terms (a feed item of a line or
// two) is too short for its cosine to mean anything on its own: all it
// says may be in a longer entry of the topic. It needs the headline too.
const storyTerms = 15

// leadTerms: only the lead's terms count, the facts every report of an
// event gives first; what follows (background, quotes, analysis) differs
// from outlet to outlet, and would cost time on long pieces.
const leadTerms = 120

// titleRepeat: a headline is counted this many times in the text, since it
// names the event in the fewest words.
const titleRepeat = 2

// Story is what Stories compares: an article's headline, text (Markdown or
// plain), date and outlet.
type Story struct {
	Title, Body       string
	Date              time.Time
	Source, SourceURL string
}

type storyDoc struct {
	file  string
	at    time.Time
	terms []uint32  // sorted
	tfw   []float32 // 1 + ln count, parallel to terms
	title []uint32  // the headline's distinct terms, sorted
}

// NewStories returns an empty set.
func NewStories() *Stories {
	return &Stories{vocab: map[string]uint32{}, byDay: map[int64][]int32{}, sources: map[string][]string{}}
}

// Len is the number of reports held.
func (s *Stories) Len() int { return len(s.docs) }

// Add records a report of file's story. A file may have several (its own
// and those added to its also list): a third outlet may be closest to the
// second.
func (s *Stories) Add(file string, st Story) {
	s.AddSource(file, st.Source, st.SourceURL)
	if st.Date.IsZero() {
		return
	}
	d := storyDoc{file: file, at: st.Date}
	counts := map[uint32]int{}
	s.count(st, counts, true)
	d.terms = make([]uint32, 0, len(counts))
	for t := range counts {
		d.terms = append(d.terms, t)
		s.df[t]++
	}
	slices.Sort(d.terms)
	d.tfw = make([]float32, len(d.terms))
	for i, t := range d.terms {
		d.tfw[i] = float32(1 + math.Log(float64(counts[t])))
	}
	d.title = s.titleTerms(st.Title, true)
	day := dayOf(st.Date)
	s.byDay[day] = append(s.byDay[day], int32(len(s.docs)))
	s.docs = append(s.docs, d)
	s.growLogs()
}

// AddSource records that file holds a report from this outlet.
func (s *Stories) AddSource(file, source, sourceURL string) {
	for _, k := range outletKeys(source, sourceURL) {
		if !slices.Contains(s.sources[file], k) {
			s.sources[file] = append(s.sources[file], k)
		}
	}
}

// OtherSource reports whether an article of this outlet would be news from
// another outlet to file: both outlets are known, and they differ.
func (s *Stories) OtherSource(file, source, sourceURL string) bool {
	return s.otherOutlet(file, outletKeys(source, sourceURL))
}

func (s *Stories) otherOutlet(file string, keys []string) bool {
	have := s.sources[file]
	if len(keys) == 0 || len(have) == 0 {
		return false
	}
	for _, k := range keys {
		if slices.Contains(have, k) {
			return false
		}
	}
	return true
}

// outletKeys name an outlet: its name and its address's host, either of
// which an entry may lack (a feed names its publisher, a page its host).
func outletKeys(source, sourceURL string) []string {
	var keys []string
	if n := strings.ToLower(strings.Join(strings.Fields(source), " ")); n != "" {
		keys = append(keys, n)
	}
	if h := hostName(sourceURL); h != "" && !slices.Contains(keys, h) {
		keys = append(keys, h)
	}
	return keys
}

// Find returns the file whose story st tells, from another outlet: the
// entry of the most similar report dated within StoryWindow, if it is
// similar enough.
func (s *Stories) Find(st Story) (string, bool) {
	file, _, ok := s.best(st)
	return file, ok
}

// best is Find with the winning cosine.
func (s *Stories) best(st Story) (string, float64, bool) {
	if st.Date.IsZero() || len(s.docs) == 0 {
		return "", 0, false
	}
	s.refreshIDF()
	q := s.vector(st)
	if len(q.terms) == 0 {
		return "", 0, false
	}
	title := s.titleTerms(st.Title, false)
	outlet := outletKeys(st.Source, st.SourceURL)
	bestFile, bestCos := "", 0.0
	day := dayOf(st.Date)
	span := int64(StoryWindow/(24*time.Hour)) + 1
	for d := day - span; d <= day+span; d++ {
		for _, i := range s.byDay[d] {
			doc := &s.docs[i]
			if gap := doc.at.Sub(st.Date).Abs(); gap > StoryWindow || !s.otherOutlet(doc.file, outlet) {
				continue
			}
			cos := s.cosine(q, doc)
			if (cos < storyCos || q.distinct < storyTerms) && (cos < titleCos || jaccard(title, doc.title) < titleJacc) {
				continue
			}
			if cos > bestCos || cos == bestCos && doc.file < bestFile {
				bestFile, bestCos = doc.file, cos
			}
		}
	}
	return bestFile, bestCos, bestFile != ""
}

// weighted is an article's terms with their TF-IDF weights, and its norm.
type weighted struct {
	terms    []uint32
	w        []float64
	norm     float64
	distinct int // terms, held by some report or not
}

func (s *Stories) vector(st Story) weighted {
	counts := map[uint32]int{}
	novel := s.count(st, counts, false)
	var v weighted
	for t := range counts {
		v.terms = append(v.terms, t)
	}
	slices.Sort(v.terms)
	v.w = make([]float64, len(v.terms))
	for i, t := range v.terms {
		v.w[i] = s.tfidf(counts[t], s.idf(t))
		v.norm += v.w[i] * v.w[i]
	}
	// Terms no report holds share nothing, but they are part of what the
	// article says: left out, a piece of mostly new words would look like
	// any entry that shares its few common ones.
	rare := s.ln(len(s.docs)+1) + 1
	for _, n := range novel {
		w := s.tfidf(n, rare)
		v.norm += w * w
	}
	v.distinct = len(v.terms) + len(novel)
	v.norm = math.Sqrt(v.norm)
	return v
}

// idf is log-scaled and smoothed, so that a term no entry holds yet weighs
// most and one every entry holds still a little.
func (s *Stories) idf(t uint32) float64 { return s.idfs[t] }

// refreshIDF weighs every term for the reports held now, once a lookup
// rather than once a term of each report compared.
func (s *Stories) refreshIDF() {
	if s.idfDocs == len(s.docs) && len(s.idfs) == len(s.df) {
		return
	}
	base := s.ln(len(s.docs)+1) + 1
	s.idfs = slices.Grow(s.idfs[:0], len(s.df))[:len(s.df)]
	for t, df := range s.df {
		s.idfs[t] = base - s.ln(int(df)+1)
	}
	s.idfDocs = len(s.docs)
}

func (s *Stories) tfidf(tf int, idf float64) float64 { return (1 + s.ln(tf)) * idf }

func (s *Stories) ln(k int) float64 {
	if k < len(s.logs) {
		return s.logs[k]
	}
	return math.Log(float64(k))
}

// growLogs keeps the table of logarithms as long as the set needs.
func (s *Stories) growLogs() {
	for k := len(s.logs); k < len(s.docs)+2 || k < 64; k++ {
		s.logs = append(s.logs, math.Log(float64(k)))
	}
}

// cosine compares q with a held report, weighted by today's document
// frequencies: a report's weights change as the site grows, so they are
// not kept.
func (s *Stories) cosine(q weighted, d *storyDoc) float64 {
	var dot, norm float64
	j := 0
	for i, t := range d.terms {
		w := float64(d.tfw[i]) * s.idfs[t]
		norm += w * w
		for j < len(q.terms) && q.terms[j] < t {
			j++
		}
		if j < len(q.terms) && q.terms[j] == t {
			dot += w * q.w[j]
		}
	}
	if dot == 0 {
		return 0
	}
	return dot / (math.Sqrt(norm) * q.norm)
}

// count adds st's terms to counts, the headline titleRepeat times. add
// puts new terms into the vocabulary; a lookup counts them apart, in novel,
// since no held report can share them.
func (s *Stories) count(st Story, counts map[uint32]int, add bool) (novel map[string]int) {
	novel = map[string]int{}
	each := func(text string, times, most int) {
		n := 0
		forTerms(text, func(term string) bool {
			if t, ok := s.term(term, add); ok {
				counts[t] += times
			} else {
				novel[term] += times
			}
			n++
			return n < most
		})
	}
	each(st.Title, titleRepeat, math.MaxInt)
	each(leadOf(st.Body), 1, leadTerms)
	return novel
}

func (s *Stories) titleTerms(title string, add bool) []uint32 {
	var list []uint32
	forTerms(title, func(term string) bool {
		if t, ok := s.term(term, add); ok && !slices.Contains(list, t) {
			list = append(list, t)
		}
		return true
	})
	slices.Sort(list)
	return list
}

func (s *Stories) term(term string, add bool) (uint32, bool) {
	t, ok := s.vocab[term]
	if ok || !add {
		return t, ok
	}
	t = uint32(len(s.df))
	s.vocab[term] = t
	s.df = append(s.df, 0)
	return t, true
}
