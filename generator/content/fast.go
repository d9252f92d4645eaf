package content

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// decodeFast reads the plain front matter most entries have (top-level keys
// with double-quoted or simple plain scalars, and block lists of them) into
// fm without the YAML library, by far the slowest part of loading an entry.
// It reports false, having set nothing, for anything else: the caller
// then decodes with the YAML library, which also words every error.
func decodeFast(head []byte, fm *FrontMatter) bool {
	var out FrontMatter
	seen := map[string]bool{}
	var list *[]string
	for len(head) > 0 {
		line, rest, _ := bytes.Cut(head, []byte("\n"))
		head = rest
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(bytes.Trim(line, " ")) == 0 {
			continue
		}
		if line[0] == ' ' {
			item, ok := bytes.CutPrefix(line, []byte("  - "))
			if !ok || list == nil {
				return false
			}
			v, ok := fastScalar(item)
			if !ok {
				return false
			}
			*list = append(*list, v)
			continue
		}
		if list != nil && len(*list) == 0 {
			return false // an empty list: null in YAML
		}
		list = nil
		k, v, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			return false
		}
		key := string(k)
		if seen[key] {
			return false
		}
		seen[key] = true
		if len(v) == 0 {
			switch key {
			case "topics":
				list = &out.Topics
			case "authors":
				list = &out.Authors
			case "editors":
				list = &out.Editors
			default:
				return false
			}
			continue
		}
		if v[0] != ' ' {
			return false
		}
		s, ok := fastScalar(v[1:])
		if !ok || !setFast(&out, key, s) {
			return false
		}
	}
	if list != nil && len(*list) == 0 {
		return false
	}
	*fm = out
	return true
}

func setFast(fm *FrontMatter, key, v string) bool {
	switch key {
	case "title":
		fm.Title = v
	case "date":
		fm.Date = v
	case "updated":
		fm.Updated = v
	case "summary":
		fm.Summary = v
	case "source":
		fm.Source = v
	case "source_url":
		fm.SourceURL = v
	case "dateline":
		fm.Dateline = v
	case "note":
		fm.Note = v
	case "slug":
		fm.Slug = v
	case "lang":
		fm.Lang = v
	case "id":
		fm.ID = v
	default:
		return false
	}
	return true
}

// fastScalar reads a double-quoted string without escapes, or a plain
// scalar made only of characters that cannot mean anything else in YAML.
func fastScalar(b []byte) (string, bool) {
	b = bytes.TrimRight(b, " ")
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' {
		in := b[1 : len(b)-1]
		if bytes.ContainsAny(in, "\"\\") || !printable(in) {
			return "", false
		}
		return string(in), true
	}
	if isDate(b) {
		return string(b), true
	}
	if len(b) == 0 || !plainSafe(b) {
		return "", false
	}
	s := string(b)
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "y", "n":
		return "", false
	}
	return s, true
}

// plainSafe allows letters, digits, spaces and a few punctuation marks, with
// a letter first; no ": ", no " #", nothing YAML reads as a number or a date.
func plainSafe(b []byte) bool {
	c := b[0]
	if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return false
	}
	for i, c := range b {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == ' ', c == '.', c == '-', c == '_', c == ',', c == '/':
		case c == ':' && i+1 < len(b) && b[i+1] != ' ':
		default:
			return false
		}
	}
	return true
}

// printable is true for valid UTF-8 text without control characters.
func printable(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	for _, r := range string(b) {
		if r < 0x20 || r >= 0x7f && r <= 0x9f || r == 0x2028 || r == 0x2029 || r == 0xfeff {
			return false
		}
	}
	return true
}

// isDate matches the date forms entries use (2006-01-02, with " 15:04",
// " 15:04:05" or "T15:04:05", the last with Z or an offset): a string field
// keeps them as written.
func isDate(b []byte) bool {
	for _, shape := range dateShapes {
		if matchShape(b, shape) {
			return true
		}
	}
	return false
}

var dateShapes = []string{
	"dddd-dd-dd", "dddd-dd-dd dd:dd", "dddd-dd-dd dd:dd:dd", "dddd-dd-ddTdd:dd:dd",
	"dddd-dd-ddTdd:dd:ddZ", "dddd-dd-ddTdd:dd:dd+dd:dd", "dddd-dd-ddTdd:dd:dd-dd:dd",
}

func matchShape(b []byte, shape string) bool {
	if len(b) != len(shape) {
		return false
	}
	for i := range b {
		if shape[i] == 'd' {
			if b[i] < '0' || b[i] > '9' {
				return false
			}
		} else if b[i] != shape[i] {
			return false
		}
	}
	return true
}
