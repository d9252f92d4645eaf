package ingest

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// Byte order marks, checked before anything else: a mark is the surest sign
// of an encoding there is, and UTF-16 must be turned into UTF-8 before Detect
// can see the markup in it.
var boms = []struct {
	mark  string
	label string
}{
	{"\xef\xbb\xbf", "utf-8"},
	{"\xfe\xff", "utf-16be"},
	{"\xff\xfe", "utf-16le"},
}

// decodeBOM converts data that starts with a byte order mark to UTF-8 and
// drops the mark; ok is false when there is none.
func decodeBOM(data []byte) ([]byte, bool) {
	for _, b := range boms {
		if bytes.HasPrefix(data, []byte(b.mark)) {
			return decodeAs(data[len(b.mark):], b.label), true
		}
	}
	return data, false
}

// decodeAs converts data from the named charset to UTF-8. An unknown label,
// or one the decoder trips on, leaves the bytes as they are for validUTF8 to
// repair: a garbled character is better than a lost article.
func decodeAs(data []byte, label string) []byte {
	e, name := charset.Lookup(label)
	if e == nil || name == "utf-8" {
		return data
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return out
}

// decodeHTML converts a page to UTF-8 the way a browser picks its charset:
// the HTTP header's charset (label), else a <meta charset> or http-equiv
// Content-Type in the first 1024 bytes, else windows-1252. One exception: a
// page that is valid UTF-8 throughout is taken as UTF-8 unless the header
// says otherwise. That catches pages saved as UTF-8 that kept their old
// declaration, and pages whose first 1024 bytes are ASCII and declare
// nothing, which the browser rule would misread; it also makes decoding an
// already decoded page a no-op.
func decodeHTML(page []byte, label string) []byte {
	if out, ok := decodeBOM(page); ok {
		return out
	}
	if e, _ := charset.Lookup(label); e != nil {
		return decodeAs(page, label)
	}
	if utf8.Valid(page) {
		return page
	}
	_, name, certain := charset.DetermineEncoding(page, "")
	if late := lateMetaCharset(page); !certain && late != "" {
		name = late
	}
	return decodeAs(page, name)
}

// lateMetaCharset is the charset a <meta> declares past the 1024 bytes a
// browser looks at, in the head of a page that pushed it down with scripts
// or an archive's banner; "" when there is none.
func lateMetaCharset(page []byte) string {
	lower := bytes.ToLower(page[:min(len(page), 64<<10)])
	for off := 0; ; {
		i := bytes.Index(lower[off:], []byte("<meta"))
		if i < 0 {
			return ""
		}
		i += off
		end := bytes.IndexByte(lower[i:], '>')
		if end < 0 {
			return ""
		}
		tag := lower[i : i+end]
		if _, rest, ok := bytes.Cut(tag, []byte("charset=")); ok {
			rest = bytes.TrimLeft(rest, "\"' ")
			if j := bytes.IndexAny(rest, "\"' ;/"); j >= 0 {
				rest = rest[:j]
			}
			if e, _ := charset.Lookup(string(rest)); e != nil {
				return string(rest)
			}
		}
		off = i + end
	}
}

// decodeInput converts an input's bytes to UTF-8 for its kind, once Parse
// has dealt with a byte order mark. Text and JSON carry no declaration of
// their own, so only the HTTP header's charset is heeded; feeds are left to the XML parser, which reads
// their encoding declaration itself.
func decodeInput(in Input, kind Kind) []byte {
	switch kind {
	case KindHTML:
		return decodeHTML(in.Data, in.Charset)
	case KindFeed:
		return in.Data
	}
	return decodeAs(in.Data, in.Charset)
}

// validUTF8 replaces what is still not UTF-8 after decoding (a page that
// lied about its charset, a truncated multi-byte character) with U+FFFD, so
// that no entry is written that editors, YAML and browsers would choke on.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

func validUTF8s(ss []string) {
	for i, s := range ss {
		ss[i] = validUTF8(s)
	}
}

// repairUTF8 makes every text field of a valid UTF-8.
func (a *Article) repairUTF8() {
	for _, s := range []*string{&a.Title, &a.Dateline, &a.Source, &a.SourceURL, &a.Lang,
		&a.Image.URL, &a.Image.Caption, &a.Image.Credit, &a.Summary} {
		*s = validUTF8(*s)
	}
	validUTF8s(a.Authors)
	validUTF8s(a.Editors)
	validUTF8s(a.Topics)
	validUTF8s(a.Paras)
}
