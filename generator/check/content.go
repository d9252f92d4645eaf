package check

import (
	"bytes"
	"io/fs"
	"net/url"
	"path"
	"strings"

	"github.com/digest-news/digest/generator/content"
	"github.com/digest-news/digest/generator/markdown"
	"github.com/digest-news/digest/generator/site"
)

// Content checks the site in fsys (digest.yaml and content/) as it would be
// published with opts, and returns the findings sorted, with the model of the
// entries that loaded (nil when digest.yaml itself is bad).
func Content(fsys fs.FS, opts site.Options) ([]Finding, *site.Site) {
	cfg, err := content.LoadConfig(fsys)
	if err != nil {
		return fromErrors(err), nil
	}
	files, err := content.EntryFiles(fsys)
	if err != nil {
		return []Finding{{Severity: Error, File: content.Dir, Message: err.Error()}}, nil
	}
	var list []Finding
	var entries []*content.Entry
	raw := map[string][]byte{}
	for _, name := range files {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			list = append(list, Finding{Severity: Error, File: name, Message: err.Error()})
			continue
		}
		e, err := content.ParseEntry(name, data, cfg)
		list = append(list, fromErrors(err)...)
		if err == nil {
			entries = append(entries, e)
			raw[name] = data
		}
	}
	content.SortNewestFirst(entries)
	everything := site.New(cfg, entries, site.Options{Drafts: true, Future: true, Now: opts.Now})
	published := site.New(cfg, entries, opts)
	list = append(list, duplicates(everything)...)
	list = append(list, entryLinks(everything, published, raw)...)
	for _, e := range entries {
		if len(bytes.TrimSpace(e.Body)) == 0 {
			list = append(list, Finding{Severity: Warning, File: e.File, Line: 1,
				Message: "no body: the article page is empty and JSON Feed items need content; write a paragraph under the front matter"})
		}
		if strings.TrimSpace(e.FrontMatter.Summary) == "" {
			list = append(list, Finding{Severity: Warning, File: e.File, Line: 1,
				Message: "no summary: feeds and lists show the first paragraph; add summary: with one sentence"})
		}
	}
	list = append(list, settings(fsys, cfg, published)...)
	Sort(list)
	return list, published
}

// settings warns of configuration that builds but is not what the site
// wants: the placeholder host digest init wrote, a language without the
// theme's words.
func settings(fsys fs.FS, cfg *content.Config, s *site.Site) []Finding {
	data, _ := fs.ReadFile(fsys, content.ConfigFile)
	line := func(key string) int {
		for i, l := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(l, key+":") {
				return i + 1
			}
		}
		return 0
	}
	var list []Finding
	if u, err := url.Parse(cfg.BaseURL); err == nil && u.Hostname() == content.PlaceholderHost {
		list = append(list, Finding{Severity: Warning, File: content.ConfigFile, Line: line("base_url"),
			Message: "base_url still holds " + content.PlaceholderHost + ", the placeholder digest init wrote: feeds and sitemaps would point there; write the site's address (the Pages workflow passes its own with --base-url)"})
	}
	if cfg.IDAuthority == content.PlaceholderHost {
		list = append(list, Finding{Severity: Warning, File: content.ConfigFile, Line: line("id_authority"),
			Message: "id_authority still holds " + content.PlaceholderHost + ", the placeholder digest init wrote: feed ids are minted from it and must not change once published; write a domain or e-mail address of yours"})
	}
	if !s.Strings.Known {
		list = append(list, Finding{Severity: Warning, File: content.ConfigFile, Line: line("language"),
			Message: "digest has no theme words for language " + cfg.Language + ": pages show English ones; translate them under strings: (see the README)"})
	}
	return list
}

// fromErrors turns content's file:line errors into findings.
func fromErrors(err error) []Finding {
	if err == nil {
		return nil
	}
	errs := content.Errors(err)
	if len(errs) == 0 {
		return []Finding{{Severity: Error, File: content.ConfigFile, Message: err.Error()}}
	}
	list := make([]Finding, len(errs))
	for i, e := range errs {
		msg := e.Msg
		if e.Hint != "" {
			msg += "; " + e.Hint
		}
		list[i] = Finding{Severity: Error, File: e.File, Line: e.Line, Message: msg}
	}
	return list
}

// duplicates finds entries published at the same address or under the same feed id.
func duplicates(s *site.Site) []Finding {
	var list []Finding
	urls, ids := map[string]*site.Article{}, map[string]*site.Article{}
	for i := len(s.Articles) - 1; i >= 0; i-- { // oldest first: the newer one is reported
		a := s.Articles[i]
		if first, ok := urls[a.URL]; ok {
			list = append(list, Finding{Severity: Error, File: a.Entry.File, Line: 1,
				Message: "same date and slug as " + first.Entry.File + " (" + a.URL + "); give one of them another slug"})
		} else {
			urls[a.URL] = a
		}
		if first, ok := ids[a.ID]; ok {
			list = append(list, Finding{Severity: Error, File: a.Entry.File, Line: 1,
				Message: "same feed id as " + first.Entry.File + " (" + a.ID + "): readers would take one for the other; give it another id"})
		} else {
			ids[a.ID] = a
		}
	}
	return list
}

// entryLinks finds links in entries to site paths that no published page has.
func entryLinks(everything, published *site.Site, raw map[string][]byte) []Finding {
	pages := sitePaths(published)
	pending := sitePaths(everything)
	conv := markdown.New()
	var list []Finding
	for _, a := range everything.Articles {
		if !pages["/"+strings.TrimPrefix(a.URL, everything.BasePath)] {
			continue // not published: its links do not matter yet
		}
		var dests []string
		collect := func(dest string) string { dests = append(dests, dest); return dest }
		if _, err := conv.Convert(a.Entry.Body, collect); err != nil {
			continue
		}
		if a.Entry.Note != "" {
			conv.Convert([]byte(a.Entry.Note), collect)
		}
		for _, dest := range dests {
			p, ok := siteLink(everything.BasePath, a.URL, dest)
			if !ok || pages[p] {
				continue
			}
			f := Finding{Severity: Error, File: a.Entry.File, Line: lineOf(raw[a.Entry.File], dest),
				Message: "link " + dest + " does not resolve to a published entry or page"}
			if pending[p] {
				f.Severity = Warning
				f.Message = "link " + dest + " goes to a draft or future entry, not published yet"
			}
			list = append(list, f)
		}
	}
	return list
}

// siteLink is the site path (below the base path, starting with /) a link
// in the article at page goes to, when it is a link to a page of this site.
func siteLink(basePath, page, dest string) (string, bool) {
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(dest, "//") || u.Path == "" {
		return "", false
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = path.Join(strings.TrimPrefix(page, strings.TrimSuffix(basePath, "/")), p)
		if strings.HasSuffix(u.Path, "/") {
			p += "/"
		}
	}
	if ext := path.Ext(p); ext != "" && ext != ".html" {
		return "", false // a file: the output check sees it
	}
	if !strings.HasSuffix(p, "/") && path.Ext(p) == "" {
		p += "/"
	}
	return p, true
}

// sitePaths are the paths of a model's pages, below the base path, starting with /.
func sitePaths(s *site.Site) map[string]bool {
	paths := map[string]bool{}
	for _, p := range s.Pages() {
		paths["/"+strings.TrimPrefix(p.URL, s.BasePath)] = true
	}
	return paths
}

// lineOf is the line of data where s first appears, 0 when it does not.
func lineOf(data []byte, s string) int {
	i := bytes.Index(data, []byte(s))
	if i < 0 {
		return 0
	}
	return 1 + bytes.Count(data[:i], []byte("\n"))
}
