package preview

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"

	"github.com/digest-news/digest/generator/content"
)

// Problem is one line of the overlay: where, what, and what to do.
type Problem struct {
	Loc  string // file:line, or file; "" when the error names no file
	Msg  string
	Hint string
}

// Problems splits a build error into lines for the overlay: each bad entry or
// configuration key on its own, any other error line by line as written.
func Problems(err error) []Problem {
	var out []Problem
	for _, e := range content.Errors(err) {
		loc := e.File
		if e.Line > 0 {
			loc += ":" + strconv.Itoa(e.Line)
		}
		out = append(out, Problem{Loc: loc, Msg: e.Msg, Hint: e.Hint})
	}
	if len(out) > 0 {
		return out
	}
	for line := range strings.SplitSeq(strings.TrimSpace(err.Error()), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, Problem{Msg: line})
		}
	}
	return out
}

var overlayTemplate = template.Must(template.New("overlay").Parse(
	`<div id="digest-overlay" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;` +
		`background:rgba(20,20,24,.92);color:#f4f4f5;font:16px/1.5 system-ui,sans-serif;padding:2rem">` +
		`<div style="max-width:60rem;margin:0 auto">` +
		`<h2 style="margin:0 0 1rem;color:#fca5a5;font-size:1.4rem">The site did not build</h2>` +
		`<ul style="list-style:none;margin:0;padding:0">` +
		`{{range .}}<li style="margin:0 0 1rem;padding:.75rem 1rem;background:#27272a;border-left:4px solid #f87171">` +
		`{{if .Loc}}<code style="font:600 15px/1.4 ui-monospace,monospace;color:#fde68a">{{.Loc}}</code><br>{{end}}` +
		`<span style="white-space:pre-wrap">{{.Msg}}</span>` +
		`{{if .Hint}}<br><span style="color:#a1a1aa">{{.Hint}}</span>{{end}}</li>{{end}}</ul>` +
		`<p style="margin:1rem 0 0;color:#a1a1aa">Fix the file and save it: this page updates by itself.</p>` +
		`</div></div>`))

// Overlay is the HTML of the error overlay for a failed build.
func Overlay(err error) template.HTML {
	var b bytes.Buffer
	if e := overlayTemplate.Execute(&b, Problems(err)); e != nil {
		return template.HTML(template.HTMLEscapeString(err.Error()))
	}
	return template.HTML(b.String())
}
