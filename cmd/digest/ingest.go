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
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: digest ingest [--site DIR] [--topic T]... [--date DAY] [--dry-run] [--force] SOURCE...\n\nSOURCE is a file, a folder, an http(s) URL or - for stdin.")
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
	opts := generator.IngestOptions{Site: *site, Sources: fs.Args(), Topics: topics, DryRun: *dry, Force: *force,
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
