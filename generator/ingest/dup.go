package ingest

import (
	"hash/fnv"
	"math/bits"
	"net/url"
	"sort"
	"strings"
)

// nearBits is how many of 64 SimHash bits two texts may differ in and still
// be the same article (re-scrapes differ in furniture, not in prose).
const nearBits = 3

// titleBits is the looser SimHash distance allowed when headlines match.
const titleBits = 16

// minSimWords: below this, texts are too short for SimHash to mean anything.
const minSimWords = 40

// Index holds the articles a site already has, to find duplicates.
type Index struct {
	byURL   map[string]string
	byTitle map[string]simEntry
	sims    []simEntry
}

type simEntry struct {
	hash uint64
	file string
}

// NewIndex returns an empty index.
func NewIndex() *Index { return &Index{byURL: map[string]string{}, byTitle: map[string]simEntry{}} }

// titleKey: a headline of four words or more names one story; shorter
// ones ("Live updates") do not.
func titleKey(title string) string {
	w := words(title)
	if strings.Count(w, " ") < 3 {
		return ""
	}
	return w
}

// Add records an entry's title, source URL and body under its file.
func (x *Index) Add(file, title, sourceURL, body string) {
	h, ok := SimHash(body) // once: it is most of the cost of loading a large site
	if k := titleKey(title); k != "" {
		x.byTitle[k] = simEntry{h, file}
	}
	if u := NormalizeURL(sourceURL); u != "" {
		x.byURL[u] = file
	}
	if ok {
		x.sims = append(x.sims, simEntry{h, file})
	}
}

// Find returns the file of an entry holding the same article: same
// normalised source URL, same headline, or a body within nearBits of SimHash.
func (x *Index) Find(title, sourceURL, body string) (string, bool) {
	if f, ok := x.byURL[NormalizeURL(sourceURL)]; ok && sourceURL != "" {
		return f, true
	}
	h, ok := SimHash(body)
	// Same headline and a body that is merely close (an edited copy) is
	// the same story; same headline and another text is not.
	if e, found := x.byTitle[titleKey(title)]; found && titleKey(title) != "" && (!ok || e.hash == 0 || bits.OnesCount64(h^e.hash) <= titleBits) {
		return e.file, true
	}
	if !ok {
		return "", false
	}
	for _, e := range x.sims {
		if bits.OnesCount64(h^e.hash) <= nearBits {
			return e.file, true
		}
	}
	return "", false
}

// trackers are query parameters that name a campaign, not a page.
var trackers = []string{"utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "ref", "src", "smid", "taid"}

// NormalizeURL makes equal addresses of one page equal strings: scheme,
// www., default port, fragment, trailing slash and tracking parameters do
// not count.
func NormalizeURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if p := u.Port(); p != "" && p != "80" && p != "443" {
		host += ":" + p
	}
	q := u.Query()
	for k := range q {
		for _, t := range trackers {
			if strings.HasPrefix(strings.ToLower(k), t) {
				q.Del(k)
			}
		}
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var qs []string
	for _, k := range keys {
		for _, v := range q[k] {
			qs = append(qs, url.QueryEscape(k)+"="+url.QueryEscape(v))
		}
	}
	s := host + strings.TrimSuffix(u.EscapedPath(), "/")
	if len(qs) > 0 {
		s += "?" + strings.Join(qs, "&")
	}
	return s
}

// SimHash fingerprints a text by its 3-word shingles (Charikar). ok is false
// for texts too short to compare.
func SimHash(text string) (uint64, bool) {
	w := strings.FieldsFunc(strings.ToLower(plain(text)), notLetter)
	if len(w) < minSimWords {
		return 0, false
	}
	var v [64]int
	h := fnv.New64a()
	for i := 0; i+3 <= len(w); i++ {
		h.Reset()
		h.Write([]byte(w[i]))
		h.Write([]byte{' '})
		h.Write([]byte(w[i+1]))
		h.Write([]byte{' '})
		h.Write([]byte(w[i+2]))
		x := h.Sum64()
		for b := 0; b < 64; b++ {
			if x&(1<<b) != 0 {
				v[b]++
			} else {
				v[b]--
			}
		}
	}
	var out uint64
	for b := 0; b < 64; b++ {
		if v[b] > 0 {
			out |= 1 << b
		}
	}
	return out, true
}
