package check

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xmlDecl is the declaration of xml.Header.
const xmlDecl = `<?xml version="1.0" encoding="UTF-8"?>`

// parseFast reads XML as encoding/xml writes it (the feeds are written so)
// into the tree the Decoder gives parseXML, with the same lines: the Decoder
// reads a byte at a time through an interface, and was most of the check of
// a feed. It knows a subset of XML: xmlDecl, elements, attributes quoted
// after one space, text, the predefined and numeric character references,
// CDATA sections, and namespaces declared on the root. On anything else,
// well-formed or not, it reports false, for the Decoder to read it (and to
// say what is wrong).
func parseFast(data []byte) (*node, bool) {
	p := fastParser{data: data, line: 1}
	if bytes.HasPrefix(data, []byte(xmlDecl)) {
		p.pos = len(xmlDecl)
	}
	type open struct {
		n   *node
		raw []byte // the name as written, which the end tag repeats
	}
	var root *node
	var stack []open
	for {
		text := data[p.pos:]
		if i := bytes.IndexByte(text, '<'); i >= 0 {
			text = text[:i]
		}
		p.pos += len(text)
		if len(stack) == 0 {
			if len(bytes.Trim(text, " \t\n")) > 0 {
				return nil, false
			}
		} else if !appendText(&stack[len(stack)-1].n.text, text, false) {
			return nil, false
		}
		rest := data[p.pos:]
		switch {
		case len(rest) == 0:
			return root, root != nil && len(stack) == 0
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			body, _, ok := bytes.Cut(rest[len("<![CDATA["):], []byte("]]>"))
			if !ok || len(stack) == 0 || !xmlChars(body) {
				return nil, false
			}
			stack[len(stack)-1].n.text.Write(body)
			p.pos += len("<![CDATA[") + len(body) + len("]]>")
		case bytes.HasPrefix(rest, []byte("</")):
			p.pos += 2
			_, raw, ok := p.name()
			if !ok || len(stack) == 0 || !bytes.Equal(raw, stack[len(stack)-1].raw) || !p.skip('>') {
				return nil, false
			}
			stack = stack[:len(stack)-1]
		default:
			if root != nil && len(stack) == 0 {
				return nil, false
			}
			n := &node{line: p.lineAt(p.pos)}
			p.pos++
			name, raw, ok := p.name()
			if !ok {
				return nil, false
			}
			n.name = name
			for p.skip(' ') {
				a, _, ok := p.name()
				if !ok || !p.skip('=') {
					return nil, false
				}
				var v strings.Builder
				if !p.quoted(&v) {
					return nil, false
				}
				n.attrs = append(n.attrs, xml.Attr{Name: a, Value: v.String()})
			}
			empty := p.skip('/')
			if !p.skip('>') || !p.bind(n, root == nil) {
				return nil, false
			}
			if root == nil {
				root = n
			} else {
				parent := stack[len(stack)-1].n
				parent.children = append(parent.children, n)
			}
			if !empty {
				stack = append(stack, open{n, raw})
			}
		}
	}
}

type fastParser struct {
	data          []byte
	pos           int
	ns            map[string]string // prefix to namespace, from the root
	counted, line int               // data[counted] is on line line
}

func (p *fastParser) skip(c byte) bool {
	if p.pos < len(p.data) && p.data[p.pos] == c {
		p.pos++
		return true
	}
	return false
}

// lineAt is the line of data[i], for i at or past the last one asked.
func (p *fastParser) lineAt(i int) int {
	p.line += bytes.Count(p.data[p.counted:i], []byte("\n"))
	p.counted = i
	return p.line
}

// name reads an ASCII name with at most one prefix, as in "atom:link".
func (p *fastParser) name() (xml.Name, []byte, bool) {
	part := func() bool {
		from := p.pos
		for p.pos < len(p.data) && nameByte(p.data[p.pos], p.pos > from) {
			p.pos++
		}
		return p.pos > from
	}
	start := p.pos
	if !part() {
		return xml.Name{}, nil, false
	}
	colon := p.pos
	if !p.skip(':') {
		return xml.Name{Local: string(p.data[start:p.pos])}, p.data[start:p.pos], true
	}
	if !part() {
		return xml.Name{}, nil, false
	}
	return xml.Name{Space: string(p.data[start:colon]), Local: string(p.data[colon+1 : p.pos])}, p.data[start:p.pos], true
}

func nameByte(c byte, inside bool) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' ||
		inside && ('0' <= c && c <= '9' || c == '.' || c == '-')
}

// quoted reads a quoted attribute value.
func (p *fastParser) quoted(v *strings.Builder) bool {
	if p.pos >= len(p.data) || p.data[p.pos] != '"' && p.data[p.pos] != '\'' {
		return false
	}
	val := p.data[p.pos+1:]
	end := bytes.IndexByte(val, p.data[p.pos])
	if end < 0 || bytes.IndexByte(val[:end], '<') >= 0 {
		return false
	}
	p.pos += 1 + end + 1
	return appendText(v, val[:end], true)
}

// bind gives the names of n their namespaces as the Decoder's Token does,
// from the declarations on the root.
func (p *fastParser) bind(n *node, root bool) bool {
	for _, a := range n.attrs {
		if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
			if !root {
				return false
			}
			if p.ns == nil {
				p.ns = map[string]string{}
			}
			if a.Name.Space == "" {
				p.ns[""] = a.Value
			} else {
				p.ns[a.Name.Local] = a.Value
			}
		}
	}
	p.translate(&n.name, true)
	for i := range n.attrs {
		p.translate(&n.attrs[i].Name, false)
	}
	return true
}

// translate is the Decoder's (its DefaultSpace empty).
func (p *fastParser) translate(n *xml.Name, element bool) {
	switch {
	case n.Space == "xmlns", n.Space == "" && !element, n.Space == "" && n.Local == "xmlns":
		return
	case n.Space == "xml":
		n.Space = "http://www.w3.org/XML/1998/namespace"
	}
	if v, ok := p.ns[n.Space]; ok {
		n.Space = v
	}
}

// appendText appends text with its character references replaced. It
// reports false where the Decoder would fail or change the text otherwise.
func appendText(w *strings.Builder, text []byte, quoted bool) bool {
	if !quoted && bytes.Contains(text, []byte("]]>")) {
		return false
	}
	w.Grow(len(text)) // at most what references become
	for {
		i := bytes.IndexByte(text, '&')
		if i < 0 {
			w.Write(text)
			return xmlChars(text)
		}
		if !xmlChars(text[:i]) {
			return false
		}
		w.Write(text[:i])
		text = text[i+1:]
		end := bytes.IndexByte(text[:min(len(text), 10)], ';')
		if end < 0 {
			return false
		}
		r, ok := charRef(string(text[:end]))
		if !ok {
			return false
		}
		w.WriteRune(r)
		text = text[end+1:]
	}
}

// charRef is the character a reference names: lt, gt, amp, apos, quot, #N or #xH.
func charRef(ref string) (rune, bool) {
	switch ref {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "apos":
		return '\'', true
	case "quot":
		return '"', true
	}
	num, ok := strings.CutPrefix(ref, "#")
	if !ok {
		return 0, false
	}
	base := 10
	if hex, ok := strings.CutPrefix(num, "x"); ok {
		base, num = 16, hex
	}
	n, err := strconv.ParseUint(num, base, 32)
	r := rune(n)
	return r, err == nil && utf8.ValidRune(r) && xmlChar(r)
}

// xmlChars reports whether b is UTF-8 of characters XML allows, less '\r',
// which the Decoder rewrites.
func xmlChars(b []byte) bool {
	for i := 0; i < len(b); {
		if c := b[i]; 0x20 <= c && c < utf8.RuneSelf || c == '\n' || c == '\t' {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r < 0x20 || r == utf8.RuneError && size == 1 || !xmlChar(r) {
			return false
		}
		i += size
	}
	return true
}

// xmlChar is the Char production of XML 1.0, as the Decoder checks it.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
