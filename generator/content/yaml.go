package content

import (
	"bytes"
	"errors"
	"strings"

	"github.com/goccy/go-yaml"
)

// decode reads YAML into v, rejecting unknown keys and duplicate keys.
// offset is the file line just before the YAML starts, so errors name file lines.
func decode(file string, offset int, data []byte, v any) (e *Error) {
	// go-yaml panics on some malformed input (found by FuzzParseEntry): report
	// it as bad YAML rather than crash the build.
	defer func() {
		if r := recover(); r != nil {
			e = &Error{File: file, Line: offset + 1, Msg: "YAML the parser cannot read", Hint: "check the tags (!), anchors and indentation"}
		}
	}()
	openers := maxOpeners
	if file == ConfigFile {
		openers *= 8 // topics written in flow style take two apiece
	}
	if line, msg := nestingProblem(data, openers); line > 0 {
		return &Error{File: file, Line: offset + line, Msg: "the YAML " + msg,
			Hint: "no key needs more than a few levels: remove the extra brackets or indentation"}
	}
	err := yaml.UnmarshalWithOptions(data, v, yaml.DisallowUnknownField())
	if err == nil {
		return nil
	}
	e = &Error{File: file, Msg: "invalid YAML: " + err.Error(), Hint: "fix the YAML syntax"}
	var ye yaml.Error
	if errors.As(err, &ye) {
		e.Msg = strings.TrimSpace(ye.GetMessage())
		if tok := ye.GetToken(); tok != nil && tok.Position != nil {
			e.Line = offset + tok.Position.Line
		}
	}
	var unknown *yaml.UnknownFieldError
	var typeErr *yaml.TypeError
	switch {
	case errors.As(err, &unknown):
		e.Hint = "remove the key or correct its spelling"
	case errors.As(err, &typeErr):
		e.Hint = "give the value the type the key expects"
	}
	if e.Line == 0 {
		e.Line = offset + 1
	}
	return e
}

// keyLine is the file line of a top-level key in YAML starting after line offset,
// or the first line of the YAML when the key is absent.
func keyLine(data []byte, offset int, key string) int {
	for i, line := range bytes.Split(data, []byte("\n")) {
		if bytes.HasPrefix(line, []byte(key+":")) {
			return offset + i + 1
		}
	}
	return offset + 1
}
