package ingest

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"time"
)

// Input is one document to ingest, read but not yet understood.
type Input struct {
	Name        string // file path, URL or "-", for the report
	Data        []byte
	URL         string // the address it was fetched from, if any
	ContentType string // from HTTP, if any
	Charset     string // the charset parameter of the HTTP Content-Type, if any
}

// Kind is how an input is read.
type Kind int

const (
	KindText Kind = iota
	KindHTML
	KindJSON
	KindJSONL
	KindFeed
)

// Options tell Parse how to read inputs.
type Options struct {
	Location  *time.Location
	Extractor Extractor
}

// Parse reads an input into its articles: one for a page or a text, one per
// item for feeds and JSON arrays. The input is decoded from its charset (see
// decodeHTML and decodeInput) and every article's text is valid UTF-8.
func Parse(in Input, o Options) ([]Article, error) {
	if out, ok := decodeBOM(in.Data); ok {
		in.Data, in.Charset = out, "utf-8"
	}
	kind := Detect(in)
	in.Data = decodeInput(in, kind)
	arts, err := parse(in, kind, o)
	for i := range arts {
		arts[i].repairUTF8()
	}
	return arts, err
}

func parse(in Input, kind Kind, o Options) ([]Article, error) {
	if o.Location == nil {
		o.Location = time.UTC
	}
	switch kind {
	case KindHTML:
		a, err := extractHTML(in.Data, in.URL, o.Location, o.Extractor)
		if err != nil {
			return nil, err
		}
		return []Article{a}, nil
	case KindJSON, KindJSONL:
		return parseRecords(in.Data, o)
	case KindFeed:
		return parseFeed(in.Data, in.URL, o)
	}
	a := CleanText(string(in.Data), o.Location)
	if a.SourceURL == "" && strings.HasPrefix(in.URL, "http") {
		a.SourceURL = in.URL
	}
	if len(a.Paras) == 0 {
		return nil, fmt.Errorf("no article text found")
	}
	return []Article{a}, nil
}

// Detect tells the kind of an input from its content type, name and first bytes.
func Detect(in Input) Kind {
	ct := strings.ToLower(in.ContentType)
	name := strings.ToLower(in.Name)
	if u := strings.IndexAny(name, "?#"); u > 0 && strings.HasPrefix(name, "http") {
		name = name[:u]
	}
	head := bytes.ToLower(bytes.TrimSpace(bytes.TrimPrefix(in.Data[:min(len(in.Data), 1024)], []byte("\ufeff"))))
	switch ext := path.Ext(name); {
	case strings.Contains(ct, "rss") || strings.Contains(ct, "atom") || ext == ".rss" || ext == ".atom":
		return KindFeed
	case ext == ".jsonl" || ext == ".ndjson" || strings.Contains(ct, "ndjson"):
		return KindJSONL
	case ext == ".json" || strings.Contains(ct, "json"):
		return KindJSON
	case ext == ".txt" || ext == ".text" || strings.HasPrefix(ct, "text/plain"):
		return KindText
	}
	switch {
	case bytes.HasPrefix(head, []byte("<?xml")) && (bytes.Contains(head, []byte("<rss")) || bytes.Contains(head, []byte("<feed")) || bytes.Contains(head, []byte("<rdf"))),
		bytes.HasPrefix(head, []byte("<rss")), bytes.HasPrefix(head, []byte("<feed")):
		return KindFeed
	case bytes.HasPrefix(head, []byte("<")):
		return KindHTML
	case bytes.HasPrefix(head, []byte("[")):
		return KindJSON
	case bytes.HasPrefix(head, []byte("{")):
		if bytes.Count(bytes.TrimSpace(in.Data), []byte("\n{")) > 0 {
			return KindJSONL
		}
		return KindJSON
	}
	return KindText
}
