package ingest

import (
	"math"
	"sort"
	"strings"

	"github.com/digest-news/digest/generator/content"
)

// Classifier suggests topics: the config's keywords first, then a
// multinomial naive Bayes model trained on the site's labelled entries.
// Features are words and word pairs without stopwords, counted as
// log(1+tf) (Rennie et al. 2003: it tames bursty words), with Lidstone
// smoothing alpha; no network and no model download.
type Classifier struct {
	Alpha    float64
	keywords map[string][]string // topic -> lowercase keywords
	prior    map[string]float64
	logp     map[string]map[string]float64 // topic -> feature -> log P(f|topic)
	unseen   map[string]float64            // topic -> log P of an unseen feature
	topics   []string
}

// Doc is one labelled training text.
type Doc struct {
	Text   string
	Topics []string
}

// NewClassifier builds a classifier from the config's topic keywords.
func NewClassifier(topics map[string]content.Topic) *Classifier {
	c := &Classifier{Alpha: 0.05, keywords: map[string][]string{}}
	for slug, t := range topics {
		for _, k := range t.Keywords {
			if k = strings.ToLower(strings.TrimSpace(k)); k != "" {
				c.keywords[slug] = append(c.keywords[slug], k)
			}
		}
	}
	return c
}

// Features are the counted words and word pairs of a text.
func Features(text string) map[string]float64 {
	f := map[string]float64{}
	prev := ""
	for _, w := range strings.FieldsFunc(strings.ToLower(text), notLetter) {
		if stopwords[w] || len(w) < 2 {
			prev = ""
			continue
		}
		f[w]++
		if prev != "" {
			f[prev+" "+w]++
		}
		prev = w
	}
	for k, v := range f {
		f[k] = math.Log1p(v)
	}
	return f
}

// Train fits the naive Bayes model; documents with several topics count for each.
func (c *Classifier) Train(docs []Doc) {
	counts := map[string]map[string]float64{}
	totals := map[string]float64{}
	ndocs := map[string]float64{}
	vocab := map[string]bool{}
	for _, d := range docs {
		f := Features(d.Text)
		for _, t := range d.Topics {
			if counts[t] == nil {
				counts[t] = map[string]float64{}
			}
			ndocs[t]++
			for k, v := range f {
				counts[t][k] += v
				totals[t] += v
				vocab[k] = true
			}
		}
	}
	c.prior, c.logp, c.unseen = map[string]float64{}, map[string]map[string]float64{}, map[string]float64{}
	c.topics = c.topics[:0]
	v := float64(len(vocab))
	for t, cnt := range counts {
		c.topics = append(c.topics, t)
		c.prior[t] = math.Log(ndocs[t] / float64(len(docs)))
		denom := math.Log(totals[t] + c.Alpha*v)
		lp := make(map[string]float64, len(cnt))
		for k, n := range cnt {
			lp[k] = math.Log(n+c.Alpha) - denom
		}
		c.logp[t] = lp
		c.unseen[t] = math.Log(c.Alpha) - denom
	}
	sort.Strings(c.topics)
}

// Predict returns the most likely topic of a text, or "" when the model is empty.
func (c *Classifier) Predict(text string) string {
	best, bestScore := "", math.Inf(-1)
	f := Features(text)
	for _, t := range c.topics {
		s := c.prior[t]
		lp := c.logp[t]
		for k, v := range f {
			p, ok := lp[k]
			if !ok {
				continue // a feature no topic saw says nothing; one some topic saw counts below
			}
			s += v * p
		}
		for k, v := range f {
			if _, ok := lp[k]; !ok && c.known(k) {
				s += v * c.unseen[t]
			}
		}
		if s > bestScore {
			best, bestScore = t, s
		}
	}
	return best
}

func (c *Classifier) known(k string) bool {
	for _, lp := range c.logp {
		if _, ok := lp[k]; ok {
			return true
		}
	}
	return false
}

// Suggest lists topics for an article: every topic whose keyword occurs in
// title or lead, else the model's best guess; nil when neither knows.
func (c *Classifier) Suggest(title, body string) []string {
	lead := strings.ToLower(title + " " + cutAt(body, 1500))
	var out []string
	for slug, kws := range c.keywords {
		for _, k := range kws {
			if containsWord(lead, k) {
				out = append(out, slug)
				break
			}
		}
	}
	sort.Strings(out)
	if len(out) == 0 {
		if t := c.Predict(title + "\n" + body); t != "" {
			out = []string{t}
		}
	}
	return out
}

func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || notLetter(rune(s[j-1]))
		after := j+len(w) == len(s) || notLetter(rune(s[j+len(w)]))
		if before && after {
			return true
		}
		i = j + 1
	}
}
