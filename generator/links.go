package generator

import (
	"net/url"
	"strings"

	"github.com/digest-news/digest/generator/markdown"
	"github.com/digest-news/digest/generator/site"
)

// pageLinks resolves an article's links for its page: site-rooted paths
// ("/2026/11/18/x/") gain the base path, relative ones resolve against the article.
func pageLinks(s *site.Site, a *site.Article) markdown.Resolver {
	return func(dest string) string {
		u, err := url.Parse(dest)
		if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(dest, "//") || dest == "" || strings.HasPrefix(dest, "#") {
			return dest
		}
		if strings.HasPrefix(dest, "/") {
			return s.BasePath + dest[1:]
		}
		base, _ := url.Parse(a.URL)
		return base.ResolveReference(u).String()
	}
}

// feedLinks resolves an article's links to absolute URLs, as feed readers need.
func feedLinks(s *site.Site, a *site.Article) markdown.Resolver {
	onPage := pageLinks(s, a)
	return func(dest string) string {
		if strings.HasPrefix(dest, "#") {
			return a.Permalink + dest
		}
		resolved := onPage(dest)
		if strings.HasPrefix(resolved, "/") && !strings.HasPrefix(resolved, "//") {
			return s.AbsURL(resolved)
		}
		return resolved
	}
}
