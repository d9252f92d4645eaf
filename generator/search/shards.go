package search

import (
	"encoding/hex"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/digest-news/digest/generator/site"
)

// The index is cut so that a query fetches only what its words need:
//
//   - Path, the manifest: the shards' prefixes, the words left out for
//     being in too many articles, the size of a record chunk;
//   - the shards, ShardDir + hex(prefix) + ".json": for each word that
//     starts with the prefix (and starts with no longer prefix of another
//     shard), the articles that hold it, newest first;
//   - the record chunks, RecordDir + "YYYY-MM-k.json": the records (title,
//     URL, day, summary, topics, source) of ChunkSize articles of a month.
//
// An article is named by its month (year*12 + month - 1) and its place in
// that month, oldest first, so that a new article takes a new place and
// leaves every other's as it was: a warm build writes again only the
// shards of the words it brings and the chunk it lands in. A posting is the
// month, as a step down from the previous posting's, then 2*place, plus 1
// when the word is in the title (the page ranks those first).
const (
	ShardDir  = "search/t/"
	RecordDir = "search/r/"
	ChunkSize = 32
	// shardLimit is how large a shard may grow before it is split by the
	// next letter of its words.
	shardLimit = 48 << 10
)

// File is one file of the index.
type File struct {
	Path string
	Data []byte
}

// ref names an article: its month and place; title is whether the word is
// in its title.
type ref struct {
	month, place int
	title        bool
}

// Files are the manifest, shards and record chunks of the site's listed
// articles.
func Files(s *site.Site) []File {
	postings, chunks := collect(s)
	stop := stopWords(postings, len(s.Listed))
	terms := make([]string, 0, len(postings))
	for t := range postings {
		if !stop[t] {
			terms = append(terms, t)
		}
	}
	slices.Sort(terms)
	shards := map[string][]string{}
	split("", terms, postings, shards)
	files := []File{{Path: Path, Data: manifest(shards, stop)}}
	for prefix, list := range shards {
		files = append(files, File{Path: ShardDir + hex.EncodeToString([]byte(prefix)) + ".json", Data: shard(list, postings)})
	}
	files = append(files, chunks...)
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files
}

// collect gives every word's postings, newest first, and the record chunks.
func collect(s *site.Site) (map[string][]ref, []File) {
	postings := map[string][]ref{}
	seen := map[string]bool{}
	var chunks []File
	list := s.Listed
	for end := len(list); end > 0; { // from the oldest month up
		month := monthOf(list[end-1])
		start := end - 1
		for start > 0 && monthOf(list[start-1]) == month {
			start--
		}
		for place := 0; place < end-start; place += ChunkSize {
			var b []byte
			for i := place; i < min(place+ChunkSize, end-start); i++ {
				if i == place {
					b = append(b, '[')
				} else {
					b = append(b, ',')
				}
				b = appendRecord(b, list[end-1-i])
			}
			name := list[end-1].Date.Format("2006-01") + "-" + strconv.Itoa(place/ChunkSize) + ".json"
			chunks = append(chunks, File{Path: RecordDir + name, Data: append(b, ']')})
		}
		for place := 0; place < end-start; place++ {
			a := list[end-1-place]
			clear(seen)
			for _, w := range Words(a.Title) {
				if !seen[w] {
					seen[w] = true
					postings[w] = append(postings[w], ref{month, place, true})
				}
			}
			for _, w := range Words(shownText(a)) {
				if !seen[w] {
					seen[w] = true
					postings[w] = append(postings[w], ref{month, place, false})
				}
			}
		}
		end = start
	}
	for _, p := range postings { // collected oldest first
		slices.Reverse(p)
	}
	return postings, chunks
}

func monthOf(a *site.Article) int { return a.Date.Year()*12 + int(a.Date.Month()) - 1 }

// shownText is what a record shows besides the title.
func shownText(a *site.Article) string {
	text := a.Summary + " " + a.Source
	for _, t := range a.Topics {
		text += " " + t.Name
	}
	return text
}

// stopWords are the words of more than a fifth of the articles (and of at
// least 500): they tell no article from another, and their shards would
// grow with the whole archive.
func stopWords(postings map[string][]ref, articles int) map[string]bool {
	limit := max(500, articles/5)
	stop := map[string]bool{}
	for t, p := range postings {
		if len(p) > limit {
			stop[t] = true
		}
	}
	return stop
}

// split assigns the terms (sorted, all starting with prefix) to shards: one
// for prefix when they fit, else one for the terms equal to prefix and one
// or more for each next letter.
func split(prefix string, terms []string, postings map[string][]ref, shards map[string][]string) {
	if len(terms) == 0 {
		return
	}
	if prefix != "" && shardSize(terms, postings) <= shardLimit {
		shards[prefix] = terms
		return
	}
	i := 0
	for i < len(terms) && terms[i] == prefix {
		i++
	}
	if i > 0 {
		shards[prefix] = terms[:i]
	}
	for i < len(terms) {
		_, size := utf8.DecodeRuneInString(terms[i][len(prefix):])
		next := terms[i][:len(prefix)+size]
		j := i
		for j < len(terms) && len(terms[j]) >= len(next) && terms[j][:len(next)] == next {
			j++
		}
		split(next, terms[i:j], postings, shards)
		i = j
	}
}

func shardSize(terms []string, postings map[string][]ref) int {
	n := 0
	for _, t := range terms {
		n += len(t) + 6 + 8*len(postings[t])
	}
	return n
}

// shard writes a shard: {"word":[month, 2*place+title, step, 2*place+title, ...]}.
func shard(terms []string, postings map[string][]ref) []byte {
	b := []byte{'{'}
	for i, t := range terms {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, t)
		b = append(b, ':', '[')
		last := 0
		for j, r := range postings[t] {
			if j > 0 {
				b = append(b, ',')
				b = strconv.AppendInt(b, int64(last-r.month), 10)
			} else {
				b = strconv.AppendInt(b, int64(r.month), 10)
			}
			last = r.month
			n := 2 * r.place
			if r.title {
				n++
			}
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(n), 10)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// manifest writes {"v":2,"chunk":ChunkSize,"shards":[prefixes],"stop":[words]}.
func manifest(shards map[string][]string, stop map[string]bool) []byte {
	b := []byte(`{"v":2,"chunk":` + strconv.Itoa(ChunkSize) + `,"shards":`)
	b = appendSorted(b, slices.Collect(maps.Keys(shards)))
	b = append(b, `,"stop":`...)
	b = appendSorted(b, slices.Collect(maps.Keys(stop)))
	return append(b, '}')
}

// appendSorted appends the list, sorted, as a JSON array.
func appendSorted(b []byte, list []string) []byte {
	slices.Sort(list)
	b = append(b, '[')
	for i, s := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}
