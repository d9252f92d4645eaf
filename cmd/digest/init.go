package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/digest-news/digest/generator"
)

func init() {
	commands["init"] = command{summary: "make a new site in an empty folder", run: runInit}
}

func runInit(fs *flag.FlagSet, args []string) error {
	var opts generator.InitOptions
	fs.BoolVar(&opts.Theme, "theme", false, "copy the default templates/ and static/ into the site, to change them")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: digest init [--theme] DIR")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	opts.Dir = fs.Arg(0)
	if _, err := generator.Init(opts); err != nil {
		return err
	}
	fmt.Fprintf(os.Stdout, "made a site in %s: edit %s/digest.yaml, then run digest serve --site %s\n", opts.Dir, opts.Dir, opts.Dir)
	return nil
}
