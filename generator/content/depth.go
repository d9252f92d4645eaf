package content

import "fmt"

// The YAML library's time and memory grow with the square of the nesting
// depth, so front matter of a few kilobytes nested thousands deep would stall
// a build; no entry or configuration needs more than a few levels. These
// bound what reaches the library.
const (
	maxNesting = 64
	// maxOpeners bounds the [ and { of one document: the depth scan does not
	// follow quoted strings (a "]" in quotes closes nothing), so only this
	// bounds nesting hidden that way.
	maxOpeners = 256
)

// nestingProblem scans YAML for nesting deeper than maxNesting, without
// parsing it: flow collections by their brackets, block collections by the
// levels of indentation open at each line plus the "- " and "? " that open
// a collection inside a line. It overcounts rather than under: brackets in
// strings and comments count, and lines of block scalars are measured like
// any other. line is 1-based, 0 when the YAML is within the bounds.
func nestingProblem(data []byte, openersAllowed int) (line int, msg string) {
	var indents []int // of the block levels open
	flow, openers := 0, 0
	line = 1
	for start := 0; start < len(data); line++ {
		end := start
		for end < len(data) && data[end] != '\n' {
			end++
		}
		text := data[start:end]
		start = end + 1
		if flow == 0 {
			if depth := blockDepth(text, &indents); depth > maxNesting {
				return line, fmt.Sprintf("nests deeper than %d levels", maxNesting)
			}
		}
		for _, c := range text {
			switch c {
			case '[', '{':
				flow++
				openers++
				if flow > maxNesting {
					return line, fmt.Sprintf("nests brackets deeper than %d levels", maxNesting)
				}
				if openers > openersAllowed {
					return line, fmt.Sprintf("holds more than %d brackets ([ and {)", openersAllowed)
				}
			case ']', '}':
				flow = max(flow-1, 0)
			}
		}
	}
	return 0, ""
}

// blockDepth updates the indentation levels open with one line and gives
// the depth of its content. Blank and comment lines change nothing.
func blockDepth(text []byte, indents *[]int) int {
	i := 0
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	if i == len(text) || text[i] == '#' || text[i] == '\r' {
		return len(*indents)
	}
	for n := len(*indents); n > 0 && (*indents)[n-1] > i; n-- {
		*indents = (*indents)[:n-1]
	}
	if n := len(*indents); n == 0 || (*indents)[n-1] < i {
		*indents = append(*indents, i)
	}
	depth := len(*indents)
	for i+1 < len(text) && (text[i] == '-' || text[i] == '?' || text[i] == ':') && (text[i+1] == ' ' || text[i+1] == '\t') {
		depth++
		i += 2
		for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
	}
	return depth
}
