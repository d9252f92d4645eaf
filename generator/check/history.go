package check

import (
	"path"
	"sort"
	"strings"
)

// fhNS is the namespace of RFC 5005's feed history elements.
const fhNS = "http://purl.org/syndication/history/1.0"

// History checks the archive chains of the RSS and Atom feeds among files
// (a whole output, by path, published at baseURL), as a client that
// rebuilds a feed from its archives (RFC 5005) walks them: from each live
// feed, prev-archive to the oldest archive. Every link must lead to an
// archive document of the output (fh:archive, current naming the live
// feed, next-archive naming the document it was reached from), the chain
// must end, and no item may be met twice. An archive document no chain
// reaches is a warning. It needs every file: the build's own checks see
// one feed at a time, so digest check runs this.
func History(files map[string][]byte, baseURL string) []Finding {
	base := strings.TrimSuffix(baseURL, "/") + "/"
	var names []string
	for name := range files {
		if IsFeed(name) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	reached := map[string]bool{}
	var all []Finding
	for _, name := range names {
		if !isArchive(name) {
			all = append(all, walkChain(files, base, name, reached)...)
		}
	}
	for _, name := range names {
		if isArchive(name) && !reached[name] {
			all = append(all, Finding{Severity: Warning, File: name, Message: "no live feed's archive chain reaches this archive document"})
		}
	}
	Sort(all)
	return all
}

// isArchive reports whether an output path is where digest writes archive
// documents: <feed's folder>/archive/YYYY/MM/<feed's name>.
func isArchive(name string) bool {
	parts := strings.Split(path.Dir(name), "/")
	return len(parts) >= 3 && parts[len(parts)-3] == "archive"
}

// historyDoc is what a chain walk reads of one feed document.
type historyDoc struct {
	links   map[string]string // rel -> href
	lines   map[string]int    // rel -> line of the link
	archive bool
	ids     []string
}

func readHistory(data []byte) *historyDoc {
	root, err := parseXML(data)
	if err != nil {
		return nil
	}
	d := &historyDoc{links: map[string]string{}, lines: map[string]int{}}
	parent := root
	if root.name.Local == "rss" {
		if parent = root.first("", "channel"); parent == nil {
			return nil
		}
		for _, it := range parent.all("", "item") {
			d.ids = append(d.ids, it.value("", "guid"))
		}
	} else {
		for _, e := range root.all(atomNS, "entry") {
			d.ids = append(d.ids, e.value(atomNS, "id"))
		}
	}
	for _, l := range parent.all(atomNS, "link") {
		if rel := l.attr("rel"); d.links[rel] == "" {
			d.links[rel], d.lines[rel] = l.attr("href"), l.line
		}
	}
	d.archive = parent.first(fhNS, "archive") != nil
	return d
}

// walkChain follows one live feed's chain, marking the documents reached.
func walkChain(files map[string][]byte, base, live string, reached map[string]bool) []Finding {
	var list []Finding
	bad := func(file string, line int, format string, args ...any) {
		f := &findings{file: file}
		f.errorf(line, format, args...)
		list = append(list, f.list...)
	}
	d := readHistory(files[live])
	if d == nil || d.links["prev-archive"] == "" {
		return nil
	}
	if d.archive {
		bad(live, 0, "the live feed is marked fh:archive: readers would take it for an archive")
	}
	seen := map[string]string{} // item id -> document
	visited := map[string]bool{live: true}
	for _, id := range d.ids {
		seen[id] = live
	}
	from, url := live, d.links["prev-archive"]
	for url != "" {
		name, ok := strings.CutPrefix(url, base)
		if !ok || files[name] == nil {
			bad(from, d.lines["prev-archive"], "prev-archive %s is not a file of the site", url)
			break
		}
		if visited[name] {
			bad(from, d.lines["prev-archive"], "prev-archive %s leads back into the chain", url)
			break
		}
		reached[name], visited[name] = true, true
		next := readHistory(files[name])
		if next == nil {
			bad(name, 0, "the archive document does not parse")
			break
		}
		switch {
		case !next.archive:
			bad(name, 0, "an archive document without fh:archive")
		case next.links["current"] != base+live:
			bad(name, next.lines["current"], "current link %q, want the live feed %s", next.links["current"], base+live)
		}
		if want := base + from; from != live && next.links["next-archive"] != want {
			bad(name, next.lines["next-archive"], "next-archive %q, want %s, which links here", next.links["next-archive"], want)
		}
		for _, id := range next.ids {
			if other, dup := seen[id]; dup {
				bad(name, 0, "item %s is also in %s: readers walking the archive meet it twice", id, other)
			}
			seen[id] = name
		}
		from, d, url = name, next, next.links["prev-archive"]
	}
	return list
}
