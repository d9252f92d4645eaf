package main

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/digest-news/digest/generator"
)

func init() {
	commands["ingest"] = command{summary: "clean raw articles (text, HTML, JSON, feeds, URLs) into entries", run: runIngest}
}

// ingestHelp is the --help text: the inputs, the fields read, the report.
const ingestHelp = `usage: digest ingest [--site DIR] [--topic T]... [--date DAY] [--dry-run] [--force] [--separate] SOURCE...

Cleans raw articles into entries under content/YYYY/MM/DD/.

SOURCE is a file, a folder (every file in it), an http(s) URL or - for stdin.
Input kinds, told by extension, content type or first bytes:
  .txt, text/plain      a scraped article or a whole-page text dump; headline,
                        byline, date line, captions and credits are found in it
  .html, .htm           a saved page; title, authors, date, source, section,
                        language and lead image come from what the page declares
                        (JSON-LD, Open Graph and article: meta, meta author/date,
                        microdata, <time>), then from its visible byline and date
  .json                 one record or an array of records
  .jsonl, .ndjson       one record a line
  .rss, .atom, or XML   a feed (RSS, Atom, RDF): one entry per item (title, link,
                        dates, authors, categories, content or description)
JSON and JSONL fields read (first present wins):
  title     title, headline, name
  body      text, content, body, article, articleBody, article_text, html, description
  date      date, published, published_at, publishedAt, pubDate, datePublished,
            date_published, created_at, time, timestamp
  url       url, link, source_url, canonical_url, href
  source    source, domain, site, site_name, publisher, outlet
  authors   authors, author, byline, creator
  topics    topics, tags, categories, category
Dates written with a zone or offset keep it; others are read in the site's
timezone; numeric dates like 05/03/2022 are read day first, except on English
pages of the US or of hosts that name no country. Declared sections and categories that match a topic's
slug, name, keyword or another name of its desk ("Business" for economy)
become its topics, else the folders of the page's address do
(/business/...); otherwise topics are suggested from the site's keywords and
its own entries.

Report, one line per article (FILE#N for the N-th record of a file):
  FILE: wrote PATH              the entry written (PATH under --site)
  FILE: would write PATH        --dry-run: the entry follows, nothing written
  ... (no topic)                no topic matched; add topics: by hand
  FILE: duplicate of PATH       the same source URL or nearly the same text is
                                already there (--force replaces it)
  FILE: also covered by SOURCE, added to PATH
                                another outlet's report of a story the site
                                holds (the same event, in similar words, dated
                                within three days): SOURCE joins the entry's
                                also: list (--separate writes an entry instead)
  FILE:LINE: record N: failed: WHY   a bad JSON record; the others still count
  FILE: failed: WHY             nothing usable in it
  N written, N duplicates, N failed[, N without a topic][, N also covered]
Exit status: 0 when nothing failed, 1 when an input failed, 2 on misuse.

Flags:
`

// topicFlags collects repeated --topic flags.
type topicFlags []string

func (t *topicFlags) String() string     { return strings.Join(*t, ",") }
func (t *topicFlags) Set(v string) error { *t = append(*t, v); return nil }

func runIngest(fs *flag.FlagSet, args []string) error {
	var topics topicFlags
	site := fs.String("site", ".", "the site `folder` holding digest.yaml")
	fs.Var(&topics, "topic", "give every article this `topic` (repeatable); default: suggest")
	day := fs.String("date", "", "date for articles without one, `YYYY-MM-DD` (default: today)")
	dry := fs.Bool("dry-run", false, "print what would be written, write nothing")
	force := fs.Bool("force", false, "replace entries that hold the same article, even edited ones")
	separate := fs.Bool("separate", false, "write another outlet's report of a story the site holds as an entry of its own, not into the entry's also: list")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), ingestHelp)
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(fs.Output(), "digest ingest: name at least one SOURCE")
		fs.Usage()
		return errUsage
	}
	opts := generator.IngestOptions{Site: *site, Sources: fs.Args(), Topics: topics, DryRun: *dry, Force: *force, Separate: *separate,
		Stdin: os.Stdin, Out: os.Stdout}
	if *day != "" {
		t, err := time.ParseInLocation("2006-01-02", *day, time.Local)
		if err != nil {
			fmt.Fprintf(fs.Output(), "digest ingest: --date %s is not YYYY-MM-DD\n", *day)
			return errUsage
		}
		opts.Date = t
	}
	if st, err := os.Stderr.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
		opts.Progress = os.Stderr
	}
	_, err := generator.Ingest(opts)
	return err
}
