package main

import (
	"flag"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/digest-news/digest/generator"
)

func init() {
	commands["build"] = command{summary: "build the site into public/", run: runBuild}
}

func runBuild(fs *flag.FlagSet, args []string) error {
	var opts generator.BuildOptions
	quiet := false
	profile, memProfile := "", ""
	fs.StringVar(&opts.Site, "site", ".", "site folder (holding digest.yaml)")
	fs.StringVar(&opts.Out, "out", "", "output folder (default <site>/public)")
	fs.StringVar(&opts.BaseURL, "base-url", "", "override base_url of digest.yaml")
	fs.BoolVar(&opts.Drafts, "drafts", false, "include drafts")
	fs.BoolVar(&opts.Future, "future", false, "include entries dated in the future")
	fs.BoolVar(&opts.NoMinify, "no-minify", false, "write unminified output, for debugging")
	fs.BoolVar(&opts.Force, "force", false, "replace an --out folder that holds files digest did not write")
	fs.BoolVar(&quiet, "quiet", false, "print nothing on success")
	fs.BoolVar(&opts.Stats, "stats", false, "print time per stage, files and bytes")
	fs.StringVar(&profile, "cpuprofile", "", "write a CPU profile of the build to `FILE`")
	fs.StringVar(&memProfile, "memprofile", "", "write an allocation profile of the build to `FILE`")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	if !quiet || opts.Stats {
		opts.Log = os.Stderr
	}
	if profile != "" {
		f, err := os.Create(profile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	if memProfile != "" {
		runtime.MemProfileRate = 64 << 10
		defer writeHeapProfile(memProfile)
	}
	res, err := generator.Build(opts)
	if err != nil {
		return err
	}
	if !quiet && !opts.Stats {
		printf("built %s: %d files, %.1f MB (%d changed) in %s\n",
			res.ArticleCount(), res.Files, float64(res.Bytes)/1e6, res.Written, outDir(opts))
	}
	return nil
}

func outDir(opts generator.BuildOptions) string {
	if opts.Out != "" {
		return opts.Out
	}
	return opts.Site + "/public"
}

// writeHeapProfile writes the allocations of the whole run (see -sample_index
// of go tool pprof: alloc_space is what the build allocated).
func writeHeapProfile(name string) {
	f, err := os.Create(name)
	if err != nil {
		printf("memprofile: %v\n", err)
		return
	}
	defer f.Close()
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		printf("memprofile: %v\n", err)
	}
}
