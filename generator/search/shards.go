package search

import (
	"encoding/hex"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/digest-news/digest/generator/parallel"
	"github.com/digest-news/digest/generator/site"
)

// The index is cut so that a query fetches only what its words need:
//
//   - Path, the manifest: the shards' prefixes, the words left out for
//     being in too many articles, the size of a record chunk;
//   - the shards, ShardDir + hex(prefix) + ".json": for each word that
//     starts with the prefix (and starts with no longer prefix of another
//     shard), the articles that hold it, newest first;
//   - the parts of a word whose postings alone outgrow a shard,
//     ShardDir + hex(word) + "-k.json": {"word": postings}, part 0 the
//     oldest, each of whole months but when one month's postings outgrow
//     a part; the manifest names each such word with, for every part, the
//     month from which on its postings are all in that part and the newer
//     ones, so that the page can fetch the newest, rank what it has, and
//     fetch older parts only when the reader asks for more;
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
	month, place int32
	title        bool
}

// Files are the manifest, shards and record chunks of the site's listed
// articles.
func Files(s *site.Site) []File { return files(s, partPostings) }

// files is Files with parts of at most part postings.
func files(s *site.Site, part int) []File {
	postings, chunks := collect(s)
	stop := stopWords(postings, len(s.Listed))
	terms := make([]string, 0, len(postings))
	for t := range postings {
		if !stop[t] {
			terms = append(terms, t)
		}
	}
	slices.Sort(terms)
	terms, large := splitLarge(terms, postings, part)
	shards := map[string][]string{}
	split("", terms, postings, shards)
	files := []File{{Path: Path, Data: manifest(shards, stop, large)}}
	for prefix, list := range shards {
		files = append(files, File{Path: ShardDir + hex.EncodeToString([]byte(prefix)) + ".json", Data: shard(list, postings)})
	}
	for _, w := range large {
		for k, p := range w.parts {
			name := ShardDir + hex.EncodeToString([]byte(w.word)) + "-" + strconv.Itoa(k) + ".json"
			files = append(files, File{Path: name, Data: shard([]string{w.word}, map[string][]ref{w.word: p})})
		}
	}
	files = append(files, chunks...)
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files
}

// collect gives every word's postings, newest first, and the record chunks.
func collect(s *site.Site) (map[string][]ref, []File) {
	months := monthSpans(s.Listed)
	return postingsOf(s.Listed, months), recordChunks(s.Listed, months)
}

// recordChunks are the record chunks of the months, made on every core.
func recordChunks(list []*site.Article, months []span) []File {
	type job struct{ span, place int }
	var jobs []job
	for i, m := range months {
		for place := 0; place < m.end-m.start; place += ChunkSize {
			jobs = append(jobs, job{i, place})
		}
	}
	chunks := make([]File, len(jobs))
	parallel.Do(len(jobs), func(j int) error {
		m, place := months[jobs[j].span], jobs[j].place
		b := []byte{'['}
		for i := place; i < min(place+ChunkSize, m.end-m.start); i++ {
			if i > place {
				b = append(b, ',')
			}
			b = appendRecord(b, list[m.end-1-i])
		}
		name := list[m.end-1].Date.Format("2006-01") + "-" + strconv.Itoa(place/ChunkSize) + ".json"
		chunks[j] = File{Path: RecordDir + name, Data: append(b, ']')}
		return nil
	})
	return chunks
}

// postingsOf gives every word's postings, newest first. The words are split
// on every core a batch of articles at a time, so that only the batch's
// lists are held beside the postings, which are filled in two halves by
// word, one a core.
func postingsOf(list []*site.Article, months []span) map[string][]ref {
	var halves [2]map[string][]ref
	for h := range halves {
		halves[h] = map[string][]ref{}
	}
	var batch []*site.Article
	var at []ref // each article's month and place
	flush := func() {
		words := articleWords(batch)
		parallel.Do(len(halves), func(h int) error {
			postings := halves[h]
			for i, w := range words {
				for k, word := range w.words {
					if int(word[len(word)-1]&1) == h {
						postings[word] = append(postings[word], ref{at[i].month, at[i].place, k < w.inTitle})
					}
				}
			}
			return nil
		})
		batch, at = batch[:0], at[:0]
	}
	for _, m := range months {
		for place := 0; place < m.end-m.start; place++ {
			batch = append(batch, list[m.end-1-place])
			at = append(at, ref{month: m.month, place: int32(place)})
			if len(batch) == wordBatch {
				flush()
			}
		}
	}
	flush()
	postings := halves[0]
	maps.Copy(postings, halves[1])
	for _, p := range postings { // collected oldest first
		slices.Reverse(p)
	}
	return postings
}

// wordBatch is how many articles' words are held at once.
const wordBatch = 4096

// span is the articles of one month, list[start:end], newest first.
type span struct {
	month      int32
	start, end int
}

// monthSpans are the months of the list (newest first), oldest first.
func monthSpans(list []*site.Article) []span {
	var spans []span
	for end := len(list); end > 0; {
		month := monthOf(list[end-1])
		start := end - 1
		for start > 0 && monthOf(list[start-1]) == month {
			start--
		}
		spans = append(spans, span{month, start, end})
		end = start
	}
	return spans
}

// wordList is an article's words, each once: first those of its title.
type wordList struct {
	words   []string
	inTitle int
}

func articleWords(list []*site.Article) []wordList {
	const chunk = 256
	out := make([]wordList, len(list))
	parallel.Do((len(list)+chunk-1)/chunk, func(c int) error {
		seen := map[string]bool{}
		var all []string
		for i := c * chunk; i < min((c+1)*chunk, len(list)); i++ {
			a := list[i]
			clear(seen)
			all = appendWords(all[:0], a.Title)
			inTitle := distinct(all, seen)
			all = appendShownWords(all[:inTitle], a)
			n := inTitle + distinct(all[inTitle:], seen)
			out[i] = wordList{words: slices.Clone(all[:n]), inTitle: inTitle}
		}
		return nil
	})
	return out
}

func monthOf(a *site.Article) int32 { return int32(a.Date.Year()*12 + int(a.Date.Month()) - 1) }

// distinct moves the words not yet seen, each once, to the front of words
// and says how many there are.
func distinct(words []string, seen map[string]bool) int {
	n := 0
	for _, w := range words {
		if !seen[w] {
			seen[w] = true
			words[n] = w
			n++
		}
	}
	return n
}

// appendShownWords appends the words a record shows besides the title.
func appendShownWords(words []string, a *site.Article) []string {
	words = appendWords(words, a.Summary)
	words = appendWords(words, a.Source)
	for _, t := range a.Topics {
		words = appendWords(words, t.Name)
	}
	return words
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
		var last int32
		for j, r := range postings[t] {
			if j > 0 {
				b = append(b, ',')
				b = strconv.AppendInt(b, int64(last-r.month), 10)
			} else {
				b = strconv.AppendInt(b, int64(r.month), 10)
			}
			last = r.month
			n := 2 * int64(r.place)
			if r.title {
				n++
			}
			b = append(b, ',')
			b = strconv.AppendInt(b, n, 10)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// manifest writes {"v":3,"chunk":ChunkSize,"shards":[prefixes],"stop":[words],
// "parts":{"word":[from month of each part],...}}; large is sorted by word.
func manifest(shards map[string][]string, stop map[string]bool, large []largeWord) []byte {
	b := []byte(`{"v":3,"chunk":` + strconv.Itoa(ChunkSize) + `,"shards":`)
	b = appendSorted(b, slices.Collect(maps.Keys(shards)))
	b = append(b, `,"stop":`...)
	b = appendSorted(b, slices.Collect(maps.Keys(stop)))
	b = appendParts(append(b, `,"parts":`...), large)
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
