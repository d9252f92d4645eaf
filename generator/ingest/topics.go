package ingest

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/digest-news/digest/generator/content"
)

// Classifier suggests topics: the config's keywords first, then a linear
// model trained on the site's labelled entries; no network and no model
// download. Features are words without stopwords, counted as log(1+tf),
// weighted by idf and scaled to unit length; each topic has a linear
// support vector machine against the others (one-vs-rest), the classic
// text classifier (Joachims 1998). Words are mapped to integers once, so
// training is array arithmetic.
//
// TestTopicCV holds its accuracy on BBC News. The SVM is solved to
// convergence, so unlike a stochastic-gradient model the result does not
// hang on the order documents are visited, and there is no learning-rate
// schedule to set. C is liblinear's default, not tuned: accuracy is flat
// around it. The features stay this simple because word pairs, keeping
// stopwords, binary counts, softmax instead of one-vs-rest and naive Bayes
// do no better on BBC News.
type Classifier struct {
	keywords map[string][]string // topic -> lowercase keywords
	names    map[string]string   // topic -> its display name
	topics   []string            // in name order
	bias     []float64           // per topic
	weights  [][]float64         // per topic, per word id
	idf      []float64           // per word id
	words    map[string]int32
}

// Doc is one labelled training text.
type Doc struct {
	Text   string
	Topics []string
}

// The SVM: C weighs training errors against the margin (1, liblinear's and
// scikit-learn's default; accuracy barely moves with it); the solver stops
// when the projected gradients lie within svmTol of each other (liblinear's
// test, tighter than liblinear's 0.1; tighter still changes no prediction on
// BBC News) or after svmMaxPasses passes.
const (
	svmC         = 1.0
	svmTol       = 0.01
	svmMaxPasses = 1000
)

// NewClassifier builds a classifier from the config's topic keywords.
func NewClassifier(topics map[string]content.Topic) *Classifier {
	c := &Classifier{keywords: map[string][]string{}, names: map[string]string{}}
	for slug, t := range topics {
		c.names[slug] = t.Name
		for _, k := range t.Keywords {
			if k = strings.ToLower(strings.TrimSpace(k)); k != "" {
				c.keywords[slug] = append(c.keywords[slug], k)
			}
		}
	}
	return c
}

// feature is one counted feature of a text.
type feature struct {
	id int32
	v  float64
}

// features maps a text to its words as log(1+count) by id. With add,
// unknown words get new ids; without, they are dropped. buf is reused.
func (c *Classifier) features(text string, add bool, buf []int32) ([]feature, []int32) {
	ids := buf[:0]
	var word []byte
	flush := func() {
		if len(word) >= 2 && !stopwords[string(word)] {
			id, ok := c.words[string(word)]
			if !ok && add {
				id, ok = int32(len(c.words)), true
				c.words[string(word)] = id
			}
			if ok {
				ids = append(ids, id)
			}
		}
		word = word[:0]
	}
	for i := 0; i < len(text); {
		b := text[i]
		if b < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= b && b <= 'z' || '0' <= b && b <= '9':
				word = append(word, b)
			case 'A' <= b && b <= 'Z':
				word = append(word, b+'a'-'A')
			default:
				flush()
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			word = utf8.AppendRune(word, unicode.ToLower(r))
		} else {
			flush()
		}
	}
	flush()
	slices.Sort(ids)
	var out []feature
	for i := 0; i < len(ids); {
		j := i + 1
		for j < len(ids) && ids[j] == ids[i] {
			j++
		}
		out = append(out, feature{ids[i], math.Log1p(float64(j - i))})
		i = j
	}
	return out, ids
}

// weigh multiplies features by idf and scales them to unit length.
func weigh(f []feature, idf []float64) {
	norm := 0.0
	for i := range f {
		f[i].v *= idf[f[i].id]
		norm += f[i].v * f[i].v
	}
	if norm > 0 {
		norm = 1 / math.Sqrt(norm)
		for i := range f {
			f[i].v *= norm
		}
	}
}

// Train fits the model; a document with several topics is a positive
// example for each.
func (c *Classifier) Train(docs []Doc) {
	c.words = map[string]int32{}
	var topics []string
	for _, d := range docs {
		for _, t := range d.Topics {
			if !slices.Contains(topics, t) {
				topics = append(topics, t)
			}
		}
	}
	sort.Strings(topics)
	c.topics = topics
	var texts [][]feature
	var labels [][]int
	var buf []int32
	for _, d := range docs {
		if len(d.Topics) == 0 {
			continue
		}
		var f []feature
		f, buf = c.features(d.Text, true, buf)
		var lab []int
		for _, t := range d.Topics {
			lab = append(lab, slices.Index(topics, t))
		}
		texts = append(texts, f)
		labels = append(labels, lab)
	}
	n := len(c.words)
	df := make([]float64, n)
	for _, f := range texts {
		for _, x := range f {
			df[x.id]++
		}
	}
	c.idf = make([]float64, n)
	for i, d := range df {
		c.idf[i] = math.Log((float64(len(texts))+1)/(d+1)) + 1
	}
	for _, f := range texts {
		weigh(f, c.idf)
	}
	c.bias, c.weights = make([]float64, len(topics)), make([][]float64, len(topics))
	for t := range topics {
		c.bias[t], c.weights[t] = c.svm(texts, labels, t)
	}
}

// svm fits topic t against the rest: an L2-regularised linear SVM with the
// squared hinge loss, solved in the dual by coordinate descent (Hsieh et
// al. 2008, liblinear's default solver). Each step changes one text's dual
// variable alpha to minimise the dual exactly, so there is no step size,
// and the weights are kept as w = sum alpha_i y_i x_i. The bias is a
// feature of value 1 in every text, regularised like the others, as in
// liblinear.
func (c *Classifier) svm(texts [][]feature, labels [][]int, t int) (float64, []float64) {
	const diag = 1 / (2 * svmC) // the squared hinge adds alpha/(2C) to the gradient
	w, b := make([]float64, len(c.words)), 0.0
	alpha := make([]float64, len(texts))
	y := make([]float64, len(texts))
	qd := make([]float64, len(texts)) // x.x + diag, with the bias feature
	order := make([]int, len(texts))
	for i, f := range texts {
		y[i] = -1
		if slices.Contains(labels[i], t) {
			y[i] = 1
		}
		qd[i] = 1 + diag
		for _, x := range f {
			qd[i] += x.v * x.v
		}
		order[i] = i
	}
	seed := uint64(1) // a fixed shuffle: the same entries train the same model
	for pass := 0; pass < svmMaxPasses; pass++ {
		for i := len(order) - 1; i > 0; i-- { // random order converges faster than a fixed one
			seed = seed*6364136223846793005 + 1442695040888963407
			j := int(seed>>33) % (i + 1)
			order[i], order[j] = order[j], order[i]
		}
		maxPG, minPG := math.Inf(-1), math.Inf(1)
		for _, i := range order {
			s := b
			for _, x := range texts[i] {
				s += w[x.id] * x.v
			}
			g := y[i]*s - 1 + diag*alpha[i]
			pg := g // projected onto alpha >= 0
			if alpha[i] == 0 {
				pg = min(g, 0)
			}
			maxPG, minPG = max(maxPG, pg), min(minPG, pg)
			if pg != 0 {
				old := alpha[i]
				alpha[i] = max(alpha[i]-g/qd[i], 0)
				d := (alpha[i] - old) * y[i]
				b += d
				for _, x := range texts[i] {
					w[x.id] += d * x.v
				}
			}
		}
		if maxPG-minPG < svmTol {
			break
		}
	}
	return b, w
}

// Predict returns the topic whose SVM scores the text highest, or "" when
// the model is empty. Words the training texts never had say nothing.
func (c *Classifier) Predict(text string) string {
	if len(c.topics) == 0 {
		return ""
	}
	f, _ := c.features(text, false, nil)
	weigh(f, c.idf)
	best, bestScore := "", math.Inf(-1)
	for t, name := range c.topics {
		s := c.bias[t]
		w := c.weights[t]
		for _, x := range f {
			s += x.v * w[x.id]
		}
		if s > bestScore {
			best, bestScore = name, s
		}
	}
	return best
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
