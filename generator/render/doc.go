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
// Templates get views of the model, not the model: a page, its site, its
// articles, days, months, years and topics, each read through fields and
// methods that note in the page's deps.Reads every unit of the model they
// hand out. That record is what a warm build keys the page by (see package
// cache), so a template may reach site data in any way (with, variables,
// range, neighbours, cached fragments) and stay right. A cached fragment is
// rendered once per key (again if pushed out by many others); what it reads
// is added to each page that shows it, so it must depend on nothing but its
// key.
//
// A day's email edition (email.html, and email.txt, a text/template) is a
// whole document of its own, not framed by base.html (see email.go).
//
// Input: a *site.Page. Output: the page's HTML on an io.Writer, and the
// units it read.
package render
