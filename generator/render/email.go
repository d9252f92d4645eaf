package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/url"
	ttemplate "text/template"

	"github.com/digest-news/digest/generator/deps"
	"github.com/digest-news/digest/generator/email"
	"github.com/digest-news/digest/generator/site"
)

// The email edition's files: whole documents of their own, not pages in
// the frame of base.html, which a newsletter service would not want.
// email.txt is a text/template (html/template would escape its text).
const (
	EmailFile     = "email.html"
	EmailTextFile = "email.txt"
)

// emails are the parsed email templates and the inliner of their sheet.
type emails struct {
	html    *template.Template
	text    *ttemplate.Template
	inliner *email.Inliner
}

// parseEmails parses the email templates from theme, or from builtIn when
// the theme has none (a theme copied out before they existed).
func (r *Renderer) parseEmails(theme, builtIn fs.FS) error {
	from := func(name string) fs.FS {
		if _, err := fs.Stat(theme, name); errors.Is(err, fs.ErrNotExist) {
			return builtIn
		}
		return theme
	}
	if from(EmailFile) == nil || from(EmailTextFile) == nil {
		return nil // a theme of its own without them: a site with days then fails to render them
	}
	h, err := template.New(EmailFile).Funcs(r.funcs()).ParseFS(from(EmailFile), EmailFile)
	if err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	t, err := ttemplate.New(EmailTextFile).Funcs(ttemplate.FuncMap(r.funcs())).ParseFS(from(EmailTextFile), EmailTextFile)
	if err != nil {
		return fmt.Errorf("theme: %w", err)
	}
	r.emails = emails{html: h, text: t, inliner: new(email.Inliner)}
	return nil
}

// email renders an email edition: the HTML with its style sheet inlined
// and its links absolute (see package email), or the plain text. Neither
// gets the preview's script, which a mail must not carry.
func (r *Renderer) email(w io.Writer, p *site.Page, texts Texts, reads *deps.Reads) error {
	if r.emails.html == nil {
		return fmt.Errorf("render %s: the theme has no %s and %s", p.Path, EmailFile, EmailTextFile)
	}
	b := buffers.Get().(*bytes.Buffer)
	defer buffers.Put(b)
	b.Reset()
	c := r.renders.Get().(*pageRender)
	c.reads, c.texts, c.p = reads, texts, p
	var err error
	if p.Kind == site.KindEmailText {
		err = r.emails.text.Execute(b, newPage(c))
	} else {
		err = r.emails.html.Execute(b, newPage(c))
	}
	c.reads, c.texts, c.p = nil, nil, nil
	r.renders.Put(c)
	if err != nil {
		return fmt.Errorf("render %s: %w", p.Path, err)
	}
	if p.Kind == site.KindEmailText {
		_, err = w.Write(b.Bytes())
		return err
	}
	base, err := url.Parse(absURL(p.Site, p.URL))
	if err != nil {
		return fmt.Errorf("render %s: %w", p.Path, err)
	}
	doc, err := r.emails.inliner.Inline(b.Bytes(), base)
	if err != nil {
		return fmt.Errorf("render %s: %w", p.Path, err)
	}
	_, err = w.Write(doc)
	return err
}

// plain is an HTML fragment (a note) as text, its links absolute.
func plain(v *siteView, h template.HTML) string {
	return email.Text(string(h), func(ref string) string { return absURL(v.s, ref) })
}
