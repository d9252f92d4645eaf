package content

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
)

// AlsoNote is one item of also: another outlet's report of the entry's
// story, as written in the front matter.
type AlsoNote struct {
	Source    string `yaml:"source"`
	SourceURL string `yaml:"source_url,omitempty"`
	Title     string `yaml:"title,omitempty"`
	Date      string `yaml:"date,omitempty"`
}

// Also is a checked also item.
type Also struct {
	Source, SourceURL, Title string
	Date                     time.Time // zero when not given
}

// checkAlso checks the also list and sets e.Also. Like corrections, an
// item's error names the item's own line.
func checkAlso(e *Entry, head []byte, headLine int, cfg *Config, errs *[]*Error) {
	seen := map[string]int{}
	if u := strings.TrimSpace(e.SourceURL); u != "" {
		seen[u] = 0
	}
	for i, n := range e.FrontMatter.Also {
		line := itemLine(head, headLine, "also", i)
		ok := true
		fail := func(msg, hint string) {
			*errs = append(*errs, &Error{File: e.File, Line: line, Msg: fmt.Sprintf("also %d: %s", i+1, msg), Hint: hint})
			ok = false
		}
		for _, v := range []string{n.Source, n.SourceURL, n.Title, n.Date} {
			if _, r, found := badText([]byte(v)); found {
				msg, hint := textProblem(r)
				fail(msg, hint)
				break
			}
		}
		a := Also{Source: strings.TrimSpace(n.Source), SourceURL: strings.TrimSpace(n.SourceURL), Title: strings.TrimSpace(n.Title)}
		if a.Source == "" {
			fail("source is missing", "name the outlet: - {source: The Daily Courier, source_url: https://…}")
		}
		if a.SourceURL != "" {
			if p := linkProblem(a.SourceURL); p != "" || !strings.Contains(a.SourceURL, "://") {
				if p == "" {
					p = "is not an absolute URL"
				}
				fail(fmt.Sprintf("source_url %q %s", a.SourceURL, p), "give the report's http:// or https:// address")
			} else if j, dup := seen[a.SourceURL]; dup {
				where := "the entry's own source_url"
				if j > 0 {
					where = fmt.Sprintf("also %d", j)
				}
				fail("source_url is listed already, as "+where, "remove one of them")
			} else {
				seen[a.SourceURL] = i + 1
			}
		}
		if d := strings.TrimSpace(n.Date); d != "" {
			t, err := ParseDate(d, cfg.Location)
			switch {
			case err != nil:
				fail("date "+err.Error(), "write 2006-01-02, 2006-01-02 15:04 or RFC 3339, or remove date")
			case yearProblem(t):
				fail("date "+d+yearRange, "check the year")
			default:
				a.Date = t
			}
		}
		if ok {
			e.Also = append(e.Also, a)
		}
	}
}

// WithAlso is an entry file with note added to its also list. Only the
// also block of the front matter is written anew (it is the last key an
// ingest writes, so a file ingest wrote comes out as Format would write
// it); the editor's other lines, comments included, are kept. The result is
// parsed again: an entry that does not read back with the note is an error,
// never a file written.
func WithAlso(file string, data []byte, note AlsoNote, cfg *Config) ([]byte, error) {
	e, err := ParseEntry(file, data, cfg)
	if err != nil {
		return nil, err
	}
	list := append(append([]AlsoNote(nil), e.FrontMatter.Also...), note)
	block, err := yaml.MarshalWithOptions(struct {
		Also []AlsoNote `yaml:"also"`
	}{list}, yaml.UseLiteralStyleIfMultiline(true))
	if err != nil {
		return nil, err
	}
	head, _, _, perr := split(file, data)
	if perr != nil {
		return nil, perr
	}
	start := cap(data) - cap(head) // head is a slice of data, after the opening fence
	lines := bytes.SplitAfter(head, []byte("\n"))
	var out bytes.Buffer
	out.Write(data[:start])
	in, written := false, false
	for _, l := range lines {
		switch {
		case bytes.HasPrefix(l, []byte("also:")):
			in = true
			continue
		case in && (len(l) == 0 || l[0] == ' ' || l[0] == '-' || l[0] == '#' || len(bytes.TrimSpace(l)) == 0):
			continue
		case in:
			in = false
			out.Write(block)
			written = true
		}
		out.Write(l)
	}
	if b := out.Bytes(); len(b) > 0 && b[len(b)-1] != '\n' {
		out.WriteByte('\n')
	}
	if !written {
		out.Write(block)
	}
	out.Write(data[start+len(head):])
	got, err := ParseEntry(file, out.Bytes(), cfg)
	if err != nil {
		return nil, fmt.Errorf("%s: adding to also would break the entry: %w", file, err)
	}
	if len(got.FrontMatter.Also) != len(list) || got.FrontMatter.Also[len(list)-1] != note {
		return nil, fmt.Errorf("%s: also did not read back as written", file)
	}
	return out.Bytes(), nil
}
