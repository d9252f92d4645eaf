// Package render turns the pages of the site model into HTML. It is the only
// package that knows html/template.
//
// A theme is an fs.FS whose root holds base.html, which defines the page frame
// and its blocks ("main", "head"), and one file per page kind (home.html,
// article.html, day.html, month.html, year.html, topics.html, topic.html,
// 404.html) that fills those blocks. Each kind is parsed into its own clone of
// the base: there are no lookup rules. Templates only display what the model
// decided; the few functions they get (see Funcs) format dates, names and
// URLs and never compute site structure.
//
// Input: a *site.Page. Output: the page's HTML on an io.Writer.
package render
