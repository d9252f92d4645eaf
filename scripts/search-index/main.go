// Command search-index makes only the search index of a site, for sites too
// large to build often: it loads the site's entries, writes the index's
// files under OUT/search/, and prints the manifest's size, the largest file
// (compressed as a server with gzip would send it) and, for the words of
// most articles, what a single-word query fetches. With the search page, its
// script and style copied in from any build of the site (search/index.html,
// js/, css/), scripts/search-bench times the page in chromium on it.
//
//	go run ./scripts/search-index -site big -out /tmp/index
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/digest-news/digest/generator"
	"github.com/digest-news/digest/generator/search"
	"github.com/digest-news/digest/generator/site"
)

func main() {
	dir := flag.String("site", ".", "site folder")
	out := flag.String("out", "", "where to write search/ (nothing is written when empty)")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		log.Fatal(err)
	}
}

type manifest struct {
	Chunk  int              `json:"chunk"`
	Shards []string         `json:"shards"`
	Stop   []string         `json:"stop"`
	Parts  map[string][]int `json:"parts"`
}

func run(dir, out string) error {
	start := time.Now()
	s, err := generator.Load(dir, "", site.Options{Now: time.Now()})
	if err != nil {
		return err
	}
	fmt.Printf("%d articles loaded in %s\n", len(s.Listed), time.Since(start).Round(time.Millisecond))
	start = time.Now()
	files := search.Files(s)
	fmt.Printf("%d index files made in %s\n", len(files), time.Since(start).Round(time.Millisecond))
	data := map[string][]byte{}
	largest, largestName := 0, ""
	for _, f := range files {
		data[f.Path] = f.Data
		if n := gzipped(f.Data); n > largest {
			largest, largestName = n, f.Path
		}
		if out != "" {
			p := filepath.Join(out, filepath.FromSlash(f.Path))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				return err
			}
		}
	}
	var m manifest
	if err := json.Unmarshal(data[search.Path], &m); err != nil {
		return fmt.Errorf("manifest: %w", err)
	}
	fmt.Printf("manifest %.1f KB (%.1f KB gzip): %d shards, %d stop words, %d words in parts; largest file %.1f KB gzip (%s)\n",
		kb(len(data[search.Path])), kb(gzipped(data[search.Path])), len(m.Shards), len(m.Stop), len(m.Parts), kb(largest), largestName)
	words := make([]string, 0, len(m.Parts))
	for w := range m.Parts {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		return len(m.Parts[words[i]]) > len(m.Parts[words[j]]) || len(m.Parts[words[i]]) == len(m.Parts[words[j]]) && words[i] < words[j]
	})
	for _, w := range words[:min(8, len(words))] {
		fmt.Printf("%-16q %3d parts; its first 20 results fetch %.1f KB gzip\n", w, len(m.Parts[w]), kb(firstPage(w, m, data)))
	}
	return nil
}

// firstPage is what search.js fetches for a one-word query of a word in
// parts: the manifest, the parts until 20 results, their record chunks.
func firstPage(w string, m manifest, data map[string][]byte) int {
	total := gzipped(data[search.Path])
	var postings []int
	for k := 0; len(postings) < 40 && k < len(m.Parts[w]); k++ {
		name := search.ShardDir + hex.EncodeToString([]byte(w)) + fmt.Sprintf("-%d.json", k)
		total += gzipped(data[name])
		var part map[string][]int
		if err := json.Unmarshal(data[name], &part); err == nil {
			postings = append(postings, part[w]...)
		}
	}
	chunks := map[string]bool{}
	month := 0
	for i := 0; i+1 < len(postings) && i < 40; i += 2 {
		if i == 0 {
			month = postings[0]
		} else {
			month -= postings[i]
		}
		place := postings[i+1] >> 1
		chunks[fmt.Sprintf("%s%d-%02d-%d.json", search.RecordDir, month/12, month%12+1, place/m.Chunk)] = true
	}
	for c := range chunks {
		total += gzipped(data[c])
	}
	return total
}

func gzipped(b []byte) int {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Len()
}

func kb(n int) float64 { return float64(n) / 1024 }
