// Package cache is all a warm build knows: what it may reuse from the last
// build of a site, and why that is safe. It keeps, in <site>/.digest-cache/
// (and, for builds sharing a Memo, in memory):
//
//   - the parsed entries, keyed by file path, size and modification time,
//     with the SHA-256 of each file and of its front matter, and the excerpt
//     of its body once converted; a build parses only changed files;
//   - for each output folder, every output file's key and the size and
//     modification time it was written with; a build makes again only the
//     files whose key changed, and leaves the others untouched.
//
// # Keys: what each kind of output covers
//
// Every key starts with GlobalKey: the binary, the theme's files, the
// configuration file, the build options (minify, the preview's script), and
// what of the model comes from the configuration (base path, feeds, topics
// and their names). Any change there remakes every file.
//
// A page's key (PageKey) is worked out from what the page read while it
// rendered, never from template text. Templates get views of the model
// (package render) that note each unit they hand out (package deps): an
// article's front matter and place, its summary, its body, its neighbours;
// a day's, month's, year's or topic's lists; the site's lists and last
// update. A cached fragment adds what it read to every page that shows it.
// The key covers the page's own fields (kind, path, title, feeds, pager,
// which objects it is about) and the value of every unit read (Units).
// It is complete because a template can reach the model only through the
// views: with the same own fields and the same units, the page's template
// reads the same units in the same order and writes the same bytes. A
// later build recomputes the key from the units the record names; a unit
// that no longer exists, or a changed value, makes the page again. The
// record also keeps each page's own key (OwnKey) and the value of every
// unit of the model it was made from, so a build compares values once
// (Changes) and keeps the recorded key of a page with the same own key that
// read no changed unit: that is the key PageKey would give.
//
// A feed's key covers the articles it holds (each article's own key: its
// file's hash, path, URL, whether it is in the future) and the site's last
// update; editions.xml its days and their articles. An archive document's
// key covers its articles (by their shown keys: it shows no body), its place in the chain (its own, its
// neighbours' and its live feed's URLs) and not the site's last update,
// which it does not show: a closed month is kept as it is. The search index and
// the sitemap are keyed by what they show of every article and page
// (ShownKey: front matter, place and summary; each page's path and last
// change). These are made by Go code, not templates: their keys list what
// that code reads. Static files are keyed by their bytes.
//
// A cache file starts with a version line and a checksum of its payload; a
// file of another version, or one that does not check out, is ignored. The
// cache is only ever a shortcut: deleting it costs time, never correctness,
// and the warm-equals-cold tests of package generator hold it to that.
package cache
