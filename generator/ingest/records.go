package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	"github.com/mmcdole/gofeed"
)

// Field names exports commonly use, in order of preference.
var (
	titleKeys  = []string{"title", "headline", "name"}
	bodyKeys   = []string{"text", "content", "body", "article", "articleBody", "article_text", "html", "description"}
	dateKeys   = []string{"date", "published", "published_at", "publishedAt", "pubDate", "datePublished", "date_published", "created_at", "time", "timestamp"}
	urlKeys    = []string{"url", "link", "source_url", "canonical_url", "href"}
	sourceKeys = []string{"source", "domain", "site", "site_name", "publisher", "outlet"}
	authorKeys = []string{"authors", "author", "byline", "creator"}
	topicKeys  = []string{"topics", "tags", "categories", "category"}
)

// RecordError is one bad record of a JSON or JSONL input. Parse reports every
// bad record, joined with errors.Join, and still returns the articles of the
// good ones.
type RecordError struct {
	Line   int // where the record starts in the input, from 1
	Record int // the record's place among the input's records, from 1
	Err    error
}

func (e *RecordError) Error() string {
	return fmt.Sprintf("line %d: record %d: %v", e.Line, e.Record, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// record is one record before it is understood: its place and its JSON.
type record struct {
	line, n int
	raw     []byte
}

// parseRecords reads a JSON record, a JSON array of records or JSONL. A bad
// record is reported and skipped, so one broken line does not cost the rest
// of an export.
func parseRecords(data []byte, o Options) ([]Article, error) {
	var recs []record
	var errs []error
	trim := bytes.TrimSpace(data)
	switch {
	case bytes.HasPrefix(trim, []byte("[")):
		recs, errs = splitArray(data)
	case json.Valid(trim):
		recs = []record{{line: lineAt(data, len(data)-len(bytes.TrimLeft(data, " \t\r\n"))), n: 1, raw: trim}}
	default:
		recs, errs = splitLines(data)
	}
	if len(recs)+len(errs) == 0 {
		return nil, errors.New("no records in it; give it one JSON object per article, in an array or one per line")
	}
	several := len(recs)+len(errs) > 1
	var out []Article
	for _, rec := range recs {
		a, err := fromRaw(rec.raw, o)
		if err != nil {
			errs = append(errs, &RecordError{Line: rec.line, Record: rec.n, Err: err})
			continue
		}
		if several {
			a.Record = rec.n
		}
		out = append(out, a)
	}
	return out, errors.Join(errs...)
}

func fromRaw(raw []byte, o Options) (Article, error) {
	if raw[0] != '{' {
		return Article{}, fmt.Errorf("not a JSON object but %s; each record must be {\"title\": ..., \"text\": ...}", jsonKind(raw))
	}
	var r map[string]any
	if err := json.Unmarshal(raw, &r); err != nil {
		return Article{}, fmt.Errorf("bad JSON: %v", err)
	}
	return fromRecord(r, o)
}

// jsonKind names the JSON value raw starts with, for error messages.
func jsonKind(raw []byte) string {
	switch raw[0] {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// splitArray cuts a JSON array into its elements. A syntax error ends the
// reading, since nothing after it can be trusted to start a record.
func splitArray(data []byte) ([]record, []error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		return nil, []error{badJSON(data, 1, err)}
	}
	var recs []record
	for n := 1; dec.More(); n++ {
		start := int(dec.InputOffset())
		for start < len(data) && strings.IndexByte(" \t\r\n,", data[start]) >= 0 {
			start++
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return recs, []error{badJSON(data, n, err)}
		}
		recs = append(recs, record{line: lineAt(data, start), n: n, raw: raw})
	}
	if _, err := dec.Token(); err != nil {
		return recs, []error{badJSON(data, len(recs)+1, err)}
	}
	return recs, nil
}

// badJSON reports a syntax error at its line, as the record it broke.
func badJSON(data []byte, n int, err error) error {
	line := 0
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line = lineAt(data, int(se.Offset))
	} else if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		line, err = lineAt(data, len(data)), errors.New("the array is not closed with ]")
	}
	return &RecordError{Line: line, Record: n, Err: fmt.Errorf("bad JSON: %v; fix it there (records after it were not read)", err)}
}

// splitLines cuts JSONL into one record per non-blank line. When no line at
// all is JSON the input was meant as one record, and one error says so.
func splitLines(data []byte) ([]record, []error) {
	var recs []record
	var errs []error
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, MaxBytes+1)
	n := 0
	for line := 1; sc.Scan(); line++ {
		text := bytes.TrimSpace(sc.Bytes())
		if len(text) == 0 {
			continue
		}
		n++
		if err := json.Unmarshal(text, new(json.RawMessage)); err != nil {
			errs = append(errs, &RecordError{Line: line, Record: n, Err: fmt.Errorf("bad JSON: %v; each line must hold one whole record", err)})
			continue
		}
		recs = append(recs, record{line: line, n: n, raw: bytes.Clone(text)})
	}
	if err := sc.Err(); err != nil {
		return recs, append(errs, err)
	}
	if len(recs) == 0 && len(errs) > 1 {
		err := json.Unmarshal(data, new(json.RawMessage))
		return nil, []error{&RecordError{Line: lineAt(data, syntaxOffset(err)), Record: 1, Err: fmt.Errorf("bad JSON: %v", err)}}
	}
	return recs, errs
}

func syntaxOffset(err error) int {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return int(se.Offset)
	}
	return 0
}

// lineAt is the line, from 1, of the byte at off.
func lineAt(data []byte, off int) int {
	return 1 + bytes.Count(data[:min(max(off, 0), len(data))], []byte("\n"))
}

func fromRecord(r map[string]any, o Options) (Article, error) {
	body := field(r, bodyKeys)
	if body == "" {
		return Article{}, errors.New("no text: give the record one of the fields " + strings.Join(bodyKeys[:4], ", "))
	}
	a := fromBody(body, field(r, urlKeys), o)
	a.Title = first(oneLine(field(r, titleKeys)), a.Title)
	if t, ok := findDate(field(r, dateKeys), o.Location); ok {
		a.Date, a.Zoned = t, true
	}
	if u := field(r, urlKeys); strings.HasPrefix(u, "http") {
		a.SourceURL = u
	}
	if s := field(r, sourceKeys); s != "" {
		a.Source = s
	}
	if au := list(r, authorKeys); len(au) > 0 {
		a.Authors = au
	}
	a.Topics = list(r, topicKeys)
	return a, nil
}

// fromBody cleans a record's or feed item's body: HTML fragments are
// sanitized and converted, text goes through CleanText.
func fromBody(body, link string, o Options) Article {
	if looksHTML(body) {
		base, _ := url.Parse(link)
		a := Article{Paras: fragmentParas(body, base)}
		finishNews(&a)
		return a
	}
	a := CleanText(body, o.Location)
	a.Title = ""
	return a
}

func looksHTML(s string) bool {
	s = strings.ToLower(s)
	return strings.Contains(s, "<p") || strings.Contains(s, "<div") || strings.Contains(s, "<br") || strings.Contains(s, "</")
}

func field(r map[string]any, keys []string) string {
	for _, k := range keys {
		if s := ldString(r[k]); strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

func list(r map[string]any, keys []string) []string {
	for _, k := range keys {
		switch v := r[k].(type) {
		case string:
			if v != "" {
				return splitNames(v)
			}
		case []any:
			var out []string
			for _, e := range v {
				if s := oneLine(ldString(e)); s != "" {
					out = append(out, s)
				}
			}
			if len(out) > 0 {
				return out
			}
		}
	}
	return nil
}

// parseFeed reads an RSS, Atom or JSON feed: one article per item, with the
// item's full content when the feed carries it.
func parseFeed(data []byte, feedURL string, o Options) ([]Article, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("bad feed: %v", err)
	}
	var out []Article
	for _, it := range f.Items {
		body := first(it.Content, it.Description)
		if body == "" {
			continue
		}
		a := fromBody(body, it.Link, o)
		a.Title = first(oneLine(it.Title), a.Title)
		if it.PublishedParsed != nil {
			a.Date, a.Zoned = *it.PublishedParsed, true
		} else if it.UpdatedParsed != nil {
			a.Date, a.Zoned = *it.UpdatedParsed, true
		}
		a.SourceURL = absolute(it.Link, nil)
		a.Source = oneLine(f.Title)
		for _, p := range it.Authors {
			if p != nil && p.Name != "" {
				a.Authors = append(a.Authors, p.Name)
			}
		}
		if a.Title == "" {
			a.Title = fallbackTitle(a.Paras)
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, errors.New("the feed has no items with text")
	}
	return out, nil
}
