package generator

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/digest-news/digest/generator/cache"
	"github.com/digest-news/digest/generator/content"
)

// MarkerFile is written into every output folder. A build replaces the
// files of a folder only when it holds this mark (or the cache records the
// folder as this site's output), is empty, or --force says so: a build swaps
// the whole folder, so anything else in it would be lost.
const MarkerFile = ".digest-output"

const markerText = "Written by digest build: every file in this folder is replaced by the next build.\n"

// siteInputs are the names in a site folder that a build reads or keeps;
// the output folder may be none of them and lie inside none of them.
var siteInputs = []string{content.ConfigFile, "content", "templates", "static", cache.Dir, ".git", ".github"}

// checkOutFolder refuses an output folder whose replacement would destroy
// what digest did not write: the site itself or a folder holding it, one of
// its inputs, a file, or a folder of someone else's files.
func checkOutFolder(siteDir, out string, force bool) error {
	siteAbs, err := realPath(siteDir)
	if err != nil {
		return err
	}
	outAbs, err := realPath(out)
	if err != nil {
		return err
	}
	if within(siteAbs, outAbs) {
		return fmt.Errorf("--out %s: refusing to build into it, as it holds the site itself (%s); choose a folder of its own, such as %s",
			out, filepath.Join(siteDir, content.ConfigFile), filepath.Join(siteDir, "public"))
	}
	for _, name := range siteInputs {
		if within(outAbs, filepath.Join(siteAbs, name)) {
			return fmt.Errorf("--out %s: refusing to build into the site's %s, which the build reads; choose a folder of its own, such as %s",
				out, name, filepath.Join(siteDir, "public"))
		}
	}
	info, err := os.Stat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("--out %s: %w", out, err)
	}
	if !info.IsDir() {
		return fmt.Errorf("--out %s: it is a file, not a folder; a build writes a folder of files: choose another path", out)
	}
	if force || isOutputFolder(siteDir, out) {
		return nil
	}
	list, err := os.ReadDir(out)
	if err != nil {
		return fmt.Errorf("--out %s: %w", out, err)
	}
	if len(list) == 0 {
		return nil
	}
	return fmt.Errorf("--out %s: the folder holds files digest did not write (%s, …), and a build replaces the whole folder; "+
		"choose an empty or new folder, or pass --force to replace it", out, list[0].Name())
}

// isOutputFolder reports whether out carries the mark of an earlier build:
// the marker file, or this site's cache record of it.
func isOutputFolder(siteDir, out string) bool {
	if info, err := os.Lstat(filepath.Join(out, MarkerFile)); err == nil && info.Mode().IsRegular() {
		return true
	}
	abs, err := filepath.Abs(out)
	return err == nil && cache.Open(siteDir, nil).Outputs(abs) != nil
}

// realPath is the absolute path of name with its symbolic links resolved,
// as far as it exists.
func realPath(name string) (string, error) {
	abs, err := filepath.Abs(name)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest), nil
		}
		if dir == filepath.Dir(dir) {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// within reports whether path is dir or lies inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
