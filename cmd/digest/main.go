// Command digest builds, previews and feeds a curated news digest.
// It only parses flags and calls package generator; it is the one place that exits.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
)

// command is one subcommand. run gets the arguments after the subcommand name
// and a FlagSet already named for it.
type command struct {
	summary string
	run     func(fs *flag.FlagSet, args []string) error
}

// commands is filled by the init functions of this package's files, one file a subcommand.
var commands = map[string]command{}

// errUsage marks misuse of the command line (exit status 2).
var errUsage = errors.New("usage")

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "digest: unknown command %q\n", args[0])
		usage(stderr)
		return 2
	}
	fs := flag.NewFlagSet("digest "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	err := cmd.run(fs, args[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		return 2
	default:
		fmt.Fprintln(stderr, err)
		return 1
	}
}

// parse parses flags; a bad flag is misuse.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: digest <command> [flags]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun digest <command> --help for its flags.")
}

// printf writes a report line to standard error, where digest's messages go.
func printf(format string, args ...any) { fmt.Fprintf(os.Stderr, format, args...) }
