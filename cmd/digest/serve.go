package main

import (
	"context"
	"flag"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"syscall"

	"github.com/digest-news/digest/generator"
)

func init() {
	commands["serve"] = command{summary: "preview the site locally, rebuilding and reloading on every save", run: runServe}
}

func runServe(fs *flag.FlagSet, args []string) error {
	opts := generator.ServeOptions{Log: os.Stderr}
	open := false
	fs.StringVar(&opts.Site, "site", ".", "site folder (holding digest.yaml)")
	fs.StringVar(&opts.Addr, "addr", generator.DefaultAddr, "address to listen on; port 0 picks a free one")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include drafts, marked as such")
	fs.BoolVar(&opts.Future, "future", false, "include entries dated in the future, marked as such")
	fs.BoolVar(&open, "open", false, "open the site in the default browser")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	if open {
		opts.Ready = openBrowser
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return generator.Serve(ctx, opts)
}

// openBrowser opens url with the desktop's handler; failing that, the URL
// printed by Serve is still there to click.
func openBrowser(url string) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		printf("could not open a browser (%v); open %s yourself\n", err, url)
		return
	}
	go cmd.Wait()
}
