package main

import (
	"flag"
	"fmt"
	"runtime/debug"
)

func init() {
	commands["version"] = command{summary: "print the version of digest", run: runVersion}
}

func runVersion(fs *flag.FlagSet, args []string) error {
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	fmt.Println(version())
	return nil
}

// version is the module version the binary was built from, or "devel".
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" || info.Main.Version == "(devel)" {
		return "devel"
	}
	return info.Main.Version
}
