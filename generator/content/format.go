package content

import (
	"bytes"

	"github.com/goccy/go-yaml"
)

// Format writes an entry file: front matter between --- lines, then the body.
func Format(fm FrontMatter, body []byte) ([]byte, error) {
	head, err := yaml.MarshalWithOptions(fm, yaml.UseLiteralStyleIfMultiline(true))
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString(fence + "\n")
	b.Write(head)
	b.WriteString(fence + "\n")
	if len(body) > 0 {
		b.WriteString("\n")
		b.Write(bytes.TrimLeft(body, "\n"))
		if !bytes.HasSuffix(body, []byte("\n")) {
			b.WriteString("\n")
		}
	}
	return b.Bytes(), nil
}
