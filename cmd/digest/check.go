package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/digest-news/digest/generator"
	"github.com/digest-news/digest/generator/check"
)

func init() {
	commands["check"] = command{summary: "check content, feeds and links; exit 1 on errors", run: runCheck}
}

func runCheck(fs *flag.FlagSet, args []string) error {
	var opts generator.CheckOptions
	asJSON := false
	fs.StringVar(&opts.Site, "site", ".", "site folder (holding digest.yaml)")
	fs.StringVar(&opts.BaseURL, "base-url", "", "override base_url of digest.yaml")
	fs.BoolVar(&opts.Drafts, "drafts", false, "check as if built with --drafts")
	fs.BoolVar(&opts.Future, "future", false, "check as if built with --future")
	fs.BoolVar(&asJSON, "json", false, "print the findings as JSON {severity, file, line, message}")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: digest check [--site DIR] [--json] [--base-url URL] [--drafts] [--future]")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	findings, err := generator.Check(opts)
	if err != nil {
		return err
	}
	if asJSON {
		err = check.WriteJSON(os.Stdout, findings)
	} else {
		err = check.WriteText(os.Stdout, findings)
	}
	if err != nil {
		return err
	}
	if n := check.Errors(findings); n > 0 {
		return fmt.Errorf("digest check: %d errors", n)
	}
	return nil
}
