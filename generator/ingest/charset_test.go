package ingest

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/digest-news/digest/generator/content"
	"golang.org/x/net/html/charset"
)

// cp1252Page is a windows-1252 page with its non-ASCII characters written as
// the single bytes that charset uses: 0x93 and 0x94 are the curly double
// quotes, 0x92 the curly apostrophe, 0xE9 is é and 0x97 an em dash. head is
// the declaration.
func cp1252Page(head string) []byte {
	return []byte(`<!doctype html><html><head>` + head + `<title>Caf` + "\xe9" + ` owners welcome the new market hall</title></head><body>
<article><h1>Caf` + "\xe9" + ` owners welcome the new market hall</h1>
<p>The owners of the small caf` + "\xe9" + `s around the square said on Friday that the new market hall had brought them more trade in a week than the old car park did in a month.</p>
<p>` + "\x93" + `We were worried at first,` + "\x94" + ` said one of them, who has run a bakery on the corner for twenty years. ` + "\x93" + `Now the queue reaches the door before nine.` + "\x94" + `</p>
<p>The council said the hall would stay open on Sundays through the summer, and that it was looking at a second one by the river ` + "\x97" + ` though nobody has yet said who would pay for it, or when it might open.</p>
<p>Traders who rent the stalls inside said the rents were fair, and that the council` + "\x92" + `s promise to keep them there for three years let them plan ahead.</p>
</article></body></html>`)
}

// sjisBody is a Japanese article, encoded to Shift_JIS by the tests.
const sjisBody = `<!doctype html><html><head><title>日本の小さな港町に新しい図書館が開館</title></head><body>
<article><h1>日本の小さな港町に新しい図書館が開館</h1>
<p>海沿いの小さな町で、古い倉庫を改装した新しい図書館が今週の月曜日に開館し、朝から多くの住民が訪れた。町によると、初日の来館者は千人を超えたという。</p>
<p>図書館には子ども向けの読書室や、漁業の歴史を紹介する展示室も設けられ、地元の高校生が案内役を務めている。館長は、町の人々が集まる場所にしたいと話した。</p>
<p>建物は明治時代に建てられた倉庫で、れんがの壁や太い梁がそのまま残されている。改装には三年かかり、費用の一部は住民からの寄付でまかなわれた。</p>
</article></body></html>`

func shiftJIS(t *testing.T, s string) []byte {
	t.Helper()
	e, _ := charset.Lookup("shift_jis")
	out, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(out, []byte("\x93\xfa\x96\x7b")) { // 日本
		t.Fatal("the test page is not Shift_JIS")
	}
	return out
}

// writtenEntry is what digest ingest would write for in, checked to be valid
// UTF-8 and to read back as an entry. A parse that runs past parseTimeout
// fails the test rather than hang it.
func writtenEntry(t *testing.T, in Input) string {
	t.Helper()
	type result struct {
		arts []Article
		err  error
	}
	done := make(chan result, 1)
	go func() {
		arts, err := Parse(in, Options{})
		done <- result{arts, err}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(parseTimeout):
		t.Fatalf("%s: Parse still running after %v", in.Name, parseTimeout)
	}
	if r.err != nil || len(r.arts) != 1 {
		t.Fatalf("%s: %d articles, %v", in.Name, len(r.arts), r.err)
	}
	cfg, err := content.ParseConfig([]byte("title: T\nbase_url: https://example.org/\n"))
	if err != nil {
		t.Fatal(err)
	}
	d := MakeEntry(&r.arts[0], EntryOptions{Config: cfg, Now: time.Date(2026, 3, 4, 5, 6, 0, 0, time.UTC)})
	data, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if !utf8.Valid(data) {
		t.Fatalf("%s: entry is not valid UTF-8:\n%q", in.Name, data)
	}
	if _, err := content.ParseEntry(d.File, data, cfg); err != nil {
		t.Fatalf("%s: entry does not read back: %v\n%s", in.Name, err, data)
	}
	return string(data)
}

const parseTimeout = 10 * time.Second

func wantAll(t *testing.T, name, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("%s: entry lacks %q:\n%s", name, w, got)
		}
	}
}

// fromFile reads p the way digest ingest reads a file argument.
func fromFile(t *testing.T, p string) Input {
	t.Helper()
	ins, errs := Expand(context.Background(), p, nil, nil)
	if len(errs) > 0 || len(ins) != 1 {
		t.Fatalf("%s: %v", p, errs)
	}
	return ins[0]
}

func TestCharsetDeclaredInPage(t *testing.T) {
	dir := t.TempDir()
	pages := map[string][]byte{
		"meta-charset.html": cp1252Page(`<meta charset="windows-1252">`),
		"http-equiv.html":   cp1252Page(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`),
		"latin1-label.html": cp1252Page(`<meta charset="ISO-8859-1">`), // browsers read this label as windows-1252
		"undeclared.html":   cp1252Page(``),                            // the web's default for legacy pages
	}
	for name, page := range pages {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, page, 0o644); err != nil {
			t.Fatal(err)
		}
		got := writtenEntry(t, fromFile(t, p))
		wantAll(t, name, got, "Café owners welcome the new market hall", "“We were worried at first,”", "river — though", "council’s promise")
	}

	p := filepath.Join(dir, "sjis.html")
	page := strings.Replace(sjisBody, "<head>", `<head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">`, 1)
	if err := os.WriteFile(p, shiftJIS(t, page), 0o644); err != nil {
		t.Fatal(err)
	}
	wantAll(t, p, writtenEntry(t, fromFile(t, p)), "日本の小さな港町に新しい図書館が開館", "古い倉庫を改装した", "住民からの寄付")
}

// TestCharsetDeclaredLate: a <meta> charset that scripts or an archive's
// banner pushed past the 1024 bytes a browser prescans is still heeded.
func TestCharsetDeclaredLate(t *testing.T) {
	banner := `<script src="/static/banner.js" charset="utf-8"></script><script>` + strings.Repeat("var x = 1;\n", 150) + `</script>`
	page := strings.Replace(sjisBody, "<head>", "<head>"+banner+`<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">`, 1)
	a, err := ExtractHTML(shiftJIS(t, page), "", time.UTC, nil)
	if err != nil || a.Title != "日本の小さな港町に新しい図書館が開館" {
		t.Errorf("title %q (%v), want the Shift_JIS headline decoded", a.Title, err)
	}
}

func TestCharsetFromHTTPHeader(t *testing.T) {
	sjis := shiftJIS(t, sjisBody)
	text := []byte("Market hall opens\n\nThe caf\xe9s around the square said on Friday that the new market hall had brought them more trade in a week than the old car park did in a month.\n\n\x93It is a good start,\x94 the council said, adding that the hall would stay open on Sundays through the summer.\n")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/sjis":
			w.Header().Set("Content-Type", "text/html; charset=Shift_JIS")
			w.Write(sjis)
		case "/text":
			w.Header().Set("Content-Type", "text/plain; charset=windows-1252")
			w.Write(text)
		case "/wrong-meta":
			// The header wins over the page's own declaration, as in a browser.
			w.Header().Set("Content-Type", `text/html; charset="shift_jis"`)
			w.Write(bytes.Replace(sjis, []byte("<head>"), []byte(`<head><meta charset="windows-1252">`), 1))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	f := &Fetcher{Client: &http.Client{Timeout: 10 * time.Second}}
	for _, c := range []struct {
		path string
		want []string
	}{
		{"/sjis", []string{"日本の小さな港町に新しい図書館が開館", "地元の高校生が案内役を務めている"}},
		{"/wrong-meta", []string{"日本の小さな港町に新しい図書館が開館"}},
		{"/text", []string{"The cafés around", "“It is a good start,”"}},
	} {
		ins, errs := Expand(ctx, srv.URL+c.path, nil, f)
		if len(errs) > 0 || len(ins) != 1 {
			t.Fatalf("%s: %v", c.path, errs)
		}
		wantAll(t, c.path, writtenEntry(t, ins[0]), c.want...)
	}
}

func TestCharsetStdinAndMarks(t *testing.T) {
	stdin := func(data []byte) Input {
		ins, errs := Expand(context.Background(), "-", bytes.NewReader(data), nil)
		if len(errs) > 0 || len(ins) != 1 {
			t.Fatalf("stdin: %v", errs)
		}
		return ins[0]
	}
	wantAll(t, "stdin", writtenEntry(t, stdin(cp1252Page(`<meta charset="windows-1252">`))), "Café owners", "“We were worried at first,”")

	// A UTF-16 page with a byte order mark, as some Windows tools save them.
	e, _ := charset.Lookup("utf-16le")
	u16, err := e.NewEncoder().Bytes([]byte(strings.ReplaceAll(sjisBody, "<head>", `<head><meta charset="utf-16">`)))
	if err != nil {
		t.Fatal(err)
	}
	wantAll(t, "utf-16", writtenEntry(t, stdin(append([]byte("\xff\xfe"), u16...))), "日本の小さな港町に新しい図書館が開館")

	// A JSON record behind a UTF-8 byte order mark.
	rec := "\xef\xbb\xbf" + `{"title": "Café owners welcome the hall", "text": "The cafés around the square said on Friday that the new market hall had brought them more trade in a week than the old car park did in a month."}`
	wantAll(t, "json", writtenEntry(t, Input{Name: "rec.json", Data: []byte(rec)}), "title: Café owners welcome the hall", "The cafés around")
}

func TestCharsetUTF8PagesStayUTF8(t *testing.T) {
	// More than 1024 bytes of ASCII before the first é, and no declaration:
	// the browser rule alone would read the page as windows-1252.
	long := "<!doctype html><html><head><title>Caf\xe9 owners welcome the new market hall</title>" +
		strings.Repeat(`<link rel="preload" href="/assets/fonts/serif.woff2" as="font">`, 20) + `</head>`
	page := strings.Replace(string(cp1252Page("")), "<!doctype html><html><head><title>Caf\xe9 owners welcome the new market hall</title></head>", long, 1)
	e, _ := charset.Lookup("windows-1252")
	utf, err := e.NewDecoder().String(page)
	if err != nil {
		t.Fatal(err)
	}
	wantAll(t, "long head", writtenEntry(t, Input{Name: "long.html", Data: []byte(utf)}), "Café owners", "“We were worried at first,”")
	// Saved as UTF-8 but still declaring the charset it was served in.
	stale := strings.Replace(utf, "<head>", `<head><meta charset="shift_jis">`, 1)
	wantAll(t, "stale meta", writtenEntry(t, Input{Name: "stale.html", Data: []byte(stale)}), "Café owners", "“We were worried at first,”")
}

func TestInvalidUTF8IsRepaired(t *testing.T) {
	utf := "Café owners welcome the new market hall"
	text := []byte(utf + "\n\nThe caf\xe9s around the square said on Friday that the new market hall had brought them more trade in a week than the old car park did.\n\nThe council said the hall would stay open on Sundays through the summer, and that a second one might follow by the \xff\xfe river.\n")
	got := writtenEntry(t, Input{Name: "broken.txt", Data: text})
	wantAll(t, "text", got, "Café owners", "The caf\uFFFDs around")

	page := strings.Replace(string(cp1252Page("")), "<title>", "<title>Caf\u00e9 ", 1) // UTF-8 and windows-1252 mixed
	got = writtenEntry(t, Input{Name: "mixed.html", Data: []byte(page), ContentType: "text/html", Charset: "utf-8"})
	wantAll(t, "header utf-8", got, "caf\uFFFDs around", "\uFFFDWe were worried")
}

// fuzzCharsets are header charsets for FuzzCharsetHTML, the stateful and
// multi-byte decoders among them.
var fuzzCharsets = []string{"", "utf-8", "windows-1252", "shift_jis", "euc-jp", "iso-2022-jp", "utf-16le", "utf-16be", "gb18030", "big5", "euc-kr", "koi8-r", "x-no-such-charset"}

// FuzzCharsetHTML: whatever the bytes and the declared charset, ingesting a
// page never panics and yields valid UTF-8, in the article and the entry.
func FuzzCharsetHTML(f *testing.F) {
	f.Add(cp1252Page(`<meta charset="windows-1252">`), uint8(0))
	f.Add(cp1252Page(``), uint8(1))
	f.Add([]byte(strings.Replace(sjisBody, "<head>", `<head><meta charset="shift_jis">`, 1)), uint8(0))
	f.Add([]byte(sjisBody), uint8(3))
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00\xe9\x00"), uint8(0))
	f.Add([]byte("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-2022-jp\"><p>\x1b$B$3$s\x1b(B \x1b$B\xff</p>"), uint8(0))
	f.Add([]byte("<html><body><p>caf\xe9 \x93quoted\x94 \xc3</p></body></html>"), uint8(6))
	cfg, err := content.ParseConfig([]byte("title: T\nbase_url: https://example.org/\n"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, page []byte, cs uint8) {
		in := Input{Name: "page.html", Data: page, URL: "https://example.org/a", ContentType: "text/html",
			Charset: fuzzCharsets[int(cs)%len(fuzzCharsets)]}
		arts, _ := Parse(in, Options{})
		for i := range arts {
			a := &arts[i]
			fields := append([]string{a.Title, a.Dateline, a.Source, a.SourceURL, a.Lang, a.Image.URL, a.Image.Caption, a.Image.Credit, a.Summary},
				slices.Concat(a.Authors, a.Editors, a.Topics, a.Paras)...)
			for _, s := range fields {
				if !utf8.ValidString(s) {
					t.Fatalf("invalid UTF-8 %q from %q (charset %q)", s, page, in.Charset)
				}
			}
			d := MakeEntry(a, EntryOptions{Config: cfg, Now: time.Date(2026, 3, 4, 5, 6, 0, 0, time.UTC)})
			if data, err := d.Bytes(); err == nil && !utf8.Valid(data) {
				t.Fatalf("entry not valid UTF-8 from %q (charset %q):\n%q", page, in.Charset, data)
			}
		}
	})
}
