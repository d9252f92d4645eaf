package generator

import (
	"os"
	"path/filepath"

	"github.com/digest-news/digest/generator/check"
	"github.com/digest-news/digest/generator/publish"
)

// CheckOptions are the flags of digest check.
type CheckOptions struct {
	Site    string // folder holding digest.yaml
	BaseURL string // overrides base_url when set
	Drafts  bool   // check as if built with --drafts
	Future  bool   // check as if built with --future
}

// Check reports on a site's content and, when the content loads, on the
// output a build would publish (built into a temporary folder). The error is
// for a check that could not run; problems found are findings.
func Check(opts CheckOptions) ([]check.Finding, error) {
	build := BuildOptions{Site: opts.Site, BaseURL: opts.BaseURL, Drafts: opts.Drafts, Future: opts.Future}
	findings, _ := check.Content(os.DirFS(opts.Site), siteOptions(build))
	if check.Errors(findings) > 0 {
		return findings, nil
	}
	tmp, err := os.MkdirTemp("", "digest-check-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	build.Out = filepath.Join(tmp, "public")
	if _, err := Build(build); err != nil {
		return nil, err
	}
	files, err := check.ReadFiles(os.DirFS(build.Out), nil)
	if err != nil {
		return nil, err
	}
	s, err := Load(opts.Site, opts.BaseURL, siteOptions(build))
	if err != nil {
		return nil, err
	}
	for _, f := range check.Output(files, s.Config.BaseURL) {
		f.File = filepath.ToSlash(filepath.Join(filepath.Base(defaultOut), f.File))
		findings = append(findings, f)
	}
	check.Sort(findings)
	return findings, nil
}

// defaultOut names the output folder in findings about built files.
const defaultOut = "public"

// outputFiles keys files by output path, as check.Output takes them.
func outputFiles(files []publish.File) map[string][]byte {
	m := make(map[string][]byte, len(files))
	for _, f := range files {
		m[f.Path] = f.Data
	}
	return m
}
