package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/digest-news/digest/generator"
)

func init() {
	commands["new"] = command{summary: "start a draft entry dated now and print its path", run: runNew}
}

// listFlag collects a repeatable flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func runNew(fs *flag.FlagSet, args []string) error {
	var opts generator.NewOptions
	var topics listFlag
	fs.StringVar(&opts.Site, "site", ".", "site folder (holding digest.yaml)")
	fs.Var(&topics, "topic", "topic slug (repeat for more)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), `usage: digest new [--site DIR] [--topic T]... "Title"`)
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	opts.Title, opts.Topics = fs.Arg(0), topics
	name, err := generator.New(opts)
	if err != nil {
		return err
	}
	fmt.Println(name)
	fmt.Fprintln(os.Stderr, "it is a draft: digest serve --drafts shows it; delete its draft: true line to publish it")
	return nil
}
