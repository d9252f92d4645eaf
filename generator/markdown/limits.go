package markdown

import (
	"bytes"
	"fmt"
)

// Limits on what one body may hold. Each is far above any real article, and
// a body past one is refused before goldmark sees it: beyond them goldmark's
// time grows with the square of the count (nested containers, reference
// definitions, footnotes, link destinations scanned again and again) or a
// body turns into hundreds of megabytes of nodes.
const (
	maxDepth       = 32      // containers (quotes, list items) opened on one line
	maxHeadings    = 2_000   // ATX headings and setext underlines
	maxReferences  = 2_000   // link reference definitions
	maxFootnotes   = 2_000   // footnote references and definitions
	maxLinkScan    = 1 << 25 // bytes goldmark may scan for unclosed link destinations
	maxBodyInBytes = 2 << 20 // a body larger than this is refused outright
)

// LimitError is the error Convert returns for a body past one of the limits.
// Line is 1-based, in the body (the caller adds the front matter's lines).
type LimitError struct {
	What string // what there is too much of, e.g. "headings"
	Max  int
	Line int // where the limit was passed
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("line %d: more than %d %s in one entry: split it into several entries", e.Line, e.Max, e.What)
}

// checkLimits scans src once, counting what the limits bound.
func checkLimits(src []byte) error {
	if len(src) > maxBodyInBytes {
		return &LimitError{What: "bytes", Max: maxBodyInBytes, Line: 1}
	}
	headings, refs, footnotes, scan := 0, 0, 0, 0
	prevBlank := true
	for line, rest := 1, src; len(rest) > 0; line++ {
		text := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			text, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		depth, body := containers(text)
		if depth > maxDepth {
			return &LimitError{What: "nested quotes or list items on one line", Max: maxDepth, Line: line}
		}
		blank := len(bytes.TrimSpace(body)) == 0
		if atxHeading(body) || !prevBlank && underline(body) {
			if headings++; headings > maxHeadings {
				return &LimitError{What: "headings", Max: maxHeadings, Line: line}
			}
		}
		if len(body) > 1 && body[0] == '[' && body[1] != '^' && bytes.Contains(body, []byte("]:")) {
			if refs++; refs > maxReferences {
				return &LimitError{What: "link reference definitions", Max: maxReferences, Line: line}
			}
		}
		if footnotes += bytes.Count(text, []byte("[^")); footnotes > maxFootnotes {
			return &LimitError{What: "footnote references and definitions", Max: maxFootnotes, Line: line}
		}
		if scan += destinationScan(text); scan > maxLinkScan {
			return &LimitError{What: "bytes of unclosed link destinations", Max: maxLinkScan, Line: line}
		}
		prevBlank = blank
	}
	return nil
}

// containers counts the container markers that open a line (">", "-", "*",
// "+", "1." or "1)"), and returns what follows them. It counts some things
// that are not containers (a thematic break "- - -"); that only matters
// past a limit no real line comes near.
func containers(line []byte) (int, []byte) {
	depth := 0
	for {
		i := 0
		for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
			i++
		}
		rest := line[i:]
		switch {
		case len(rest) > 0 && rest[0] == '>':
			line = rest[1:]
		case len(rest) > 0 && (rest[0] == '-' || rest[0] == '*' || rest[0] == '+') && (len(rest) == 1 || rest[1] == ' ' || rest[1] == '\t'):
			line = rest[1:]
		default:
			d := 0
			for d < len(rest) && d < 9 && '0' <= rest[d] && rest[d] <= '9' {
				d++
			}
			if d == 0 || d >= len(rest) || rest[d] != '.' && rest[d] != ')' || d+1 < len(rest) && rest[d+1] != ' ' && rest[d+1] != '\t' {
				return depth, rest
			}
			line = rest[d+1:]
		}
		depth++
	}
}

func atxHeading(body []byte) bool {
	n := 0
	for n < len(body) && body[n] == '#' {
		n++
	}
	return 0 < n && n <= 6 && (n == len(body) || body[n] == ' ' || body[n] == '\t')
}

// underline reports a line of only '=' or only '-': it makes the line before
// it a setext heading.
func underline(body []byte) bool {
	body = bytes.TrimSpace(body)
	return len(body) > 0 && (len(bytes.Trim(body, "=")) == 0 || len(bytes.Trim(body, "-")) == 0)
}

// destinationScan bounds what goldmark reads for the link destinations of
// line: after each "](" it reads on to the next space, so a run of n such
// openings in one word is read about n times over.
func destinationScan(line []byte) int {
	if bytes.Count(line, []byte("](")) < 2 {
		return 0 // no word of it can hold two: most lines of prose
	}
	cost := 0
	for len(line) > 0 {
		end := bytes.IndexAny(line, " \t\r\f\v")
		word := line
		if end >= 0 {
			word, line = line[:end], line[end+1:]
		} else {
			line = nil
		}
		if n := bytes.Count(word, []byte("](")); n > 1 {
			cost += n * len(word)
		}
	}
	return cost
}
