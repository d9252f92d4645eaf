package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/digest-news/digest/generator"
)

func init() {
	commands["ping"] = command{summary: "tell the WebSub hub which feeds changed since the last ping", run: runPing}
}

func runPing(fs *flag.FlagSet, args []string) error {
	var opts generator.PingOptions
	fs.StringVar(&opts.Site, "site", ".", "site folder (holding digest.yaml)")
	fs.StringVar(&opts.Out, "out", "", "output folder that was deployed (default <site>/public)")
	fs.DurationVar(&opts.Timeout, "timeout", 10*time.Second, "time allowed for each request to the hub")
	fs.IntVar(&opts.Retries, "retries", 3, "further tries of a request the hub did not answer, or answered 5xx or 429")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: digest ping [--site DIR] [--out DIR] [--timeout 10s] [--retries 3]")
		fmt.Fprintln(fs.Output(), "\nRun after deploying: tells websub_hub (digest.yaml) of each feed whose bytes changed since the last ping.")
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 || opts.Retries < 0 {
		fs.Usage()
		return errUsage
	}
	if opts.Retries == 0 {
		opts.Retries = -1 // PingOptions' zero is the default
	}
	opts.Log = os.Stdout
	res, err := generator.Ping(opts)
	if res != nil {
		fmt.Printf("%s: %d feeds pinged, %d unchanged\n", res.Hub, len(res.Pinged), res.Unchanged)
	}
	return err
}
