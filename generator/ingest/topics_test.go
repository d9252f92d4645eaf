package ingest

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/digest-news/digest/generator/content"
)

func TestSuggestKeywordsFirst(t *testing.T) {
	c := NewClassifier(map[string]content.Topic{"economy": {Keywords: []string{"central bank"}}, "sport": {}})
	c.Train([]Doc{{Text: "the striker scored twice in the cup final", Topics: []string{"sport"}}})
	if got := c.Suggest("Central bank holds rates", "The central bank kept rates on hold."); len(got) != 1 || got[0] != "economy" {
		t.Errorf("keywords: got %q", got)
	}
	if got := c.Suggest("Cup final", "The striker scored in the final."); len(got) != 1 || got[0] != "sport" {
		t.Errorf("model: got %q", got)
	}
	if got := NewClassifier(nil).Suggest("Anything", "at all"); got != nil {
		t.Errorf("empty model suggested %q", got)
	}
}

// bbcDocs reads ../shared/corpora/bbc-news, exact duplicates removed so no
// article is in two folds.
func bbcDocs(t testing.TB) []Doc {
	dir := filepath.Join(corpora(t), "bbc-news")
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.txt"))
	sort.Strings(files)
	seen := map[string]bool{}
	var docs []Doc
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil || seen[string(b)] {
			continue
		}
		seen[string(b)] = true
		docs = append(docs, Doc{Text: string(b), Topics: []string{filepath.Base(filepath.Dir(f))}})
	}
	if len(docs) == 0 {
		t.Skip("no bbc-news articles")
	}
	return docs
}

// TestTopicCV is the 5-fold cross-validation on BBC News (target accuracy
// >= 0.98; training on 2,000 articles < 1 s).
func TestTopicCV(t *testing.T) {
	docs := bbcDocs(t)
	const k = 5
	right, all := 0, 0
	var trainTime time.Duration
	for fold := 0; fold < k; fold++ {
		var train, test []Doc
		for i, d := range docs {
			if i%k == fold {
				test = append(test, d)
			} else {
				train = append(train, d)
			}
		}
		c := NewClassifier(nil)
		start := time.Now()
		c.Train(train)
		trainTime += time.Since(start)
		for _, d := range test {
			if c.Predict(d.Text) == d.Topics[0] {
				right++
			}
			all++
		}
	}
	acc := float64(right) / float64(all)
	t.Logf("BBC News 5-fold CV: %d articles, accuracy %.4f, training %v per fold (~%d articles)", len(docs), acc, trainTime/k, len(docs)*(k-1)/k)
	if acc < 0.98 {
		t.Errorf("accuracy %.4f below 0.98", acc)
	}
}

// BenchmarkTopicTrain measures training on 2,000 BBC News articles (target < 1 s).
func BenchmarkTopicTrain(b *testing.B) {
	docs := bbcDocs(b)
	if len(docs) > 2000 {
		docs = docs[:2000]
	}
	b.ResetTimer()
	for b.Loop() {
		NewClassifier(nil).Train(docs)
	}
}
