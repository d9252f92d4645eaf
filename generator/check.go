package generator

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/digest-news/digest/generator/check"
	"github.com/digest-news/digest/generator/content"
)

// CheckOptions are the flags of digest check.
type CheckOptions struct {
	Site    string // folder holding digest.yaml
	BaseURL string // overrides base_url when set
	Drafts  bool   // check as if built with --drafts
	Future  bool   // check as if built with --future
}

// Check reports on a site's content and, when the content has no errors, on
// the output a build would publish (built into a temporary folder), including
// feed ids that <site>/public published and the new output lost. The error is
// for a check that could not run; problems found are findings, sorted.
func Check(opts CheckOptions) ([]check.Finding, error) {
	build := BuildOptions{Site: opts.Site, BaseURL: opts.BaseURL, Drafts: opts.Drafts, Future: opts.Future, noRecord: true}
	findings, s := check.Content(content.DirFS(opts.Site), siteOptions(build))
	if s == nil || check.Errors(findings) > 0 {
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
	baseURL := s.Config.BaseURL
	if opts.BaseURL != "" {
		baseURL = strings.TrimSuffix(opts.BaseURL, "/") + "/"
	}
	built := append(check.Output(files, baseURL), check.History(files, baseURL)...)
	if old, err := check.ReadFiles(os.DirFS(filepath.Join(opts.Site, "public")), check.IsFeed); err == nil {
		built = append(built, check.Vanished(old, files)...)
	}
	for _, f := range built {
		f.File = "public/" + f.File
		findings = append(findings, f)
	}
	if f := hubFinding(opts.Site, s.Config.WebSubHub); f != nil {
		findings = append(findings, *f)
	}
	check.Sort(findings)
	return findings, nil
}

// reportFindings turns findings on the output folder out into the error of
// a build that must not publish, and writes the warnings to log.
func reportFindings(out string, findings []check.Finding, log io.Writer) error {
	check.Sort(findings)
	var errs []error
	for _, f := range findings {
		f.File = filepath.ToSlash(filepath.Join(filepath.Base(out), f.File))
		if f.Severity == check.Error {
			errs = append(errs, errors.New(f.String()))
		} else if log != nil {
			fmt.Fprintln(log, f)
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("the output would be invalid; nothing was published:\n%w", errors.Join(errs...))
	}
	return nil
}
