package content

import "bytes"

// FrontKeyLine is the line of an entry file on which a top-level key of its
// front matter starts, or, given sub, the line of that key inside the
// block the top-level key opens (url: under image:), for problems found
// after parsing (a missing image file); 1 when the file has no such key.
func FrontKeyLine(file string, data []byte, key, sub string) int {
	head, _, headLine, err := split(file, data)
	if err != nil {
		return 1
	}
	line := keyLine(head, headLine, key)
	if sub == "" {
		return line
	}
	lines := bytes.Split(head, []byte("\n"))
	for i := line - headLine; i < len(lines); i++ { // the lines after key's
		l := lines[i]
		if len(l) == 0 || (l[0] != ' ' && l[0] != '\t') {
			break
		}
		if bytes.HasPrefix(bytes.TrimLeft(l, " \t"), []byte(sub+":")) {
			return headLine + i + 1
		}
	}
	return line
}
