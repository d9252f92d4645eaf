package check

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"sort"
)

// Severities of a Finding.
const (
	Error   = "error"
	Warning = "warning"
)

// Finding is one problem in one file.
type Finding struct {
	Severity string `json:"severity"`
	File     string `json:"file"`
	Line     int    `json:"line"` // 1-based; 0 for the file as a whole
	Message  string `json:"message"`
}

func (f Finding) String() string {
	loc := f.File
	if f.Line > 0 {
		loc = fmt.Sprintf("%s:%d", f.File, f.Line)
	}
	return loc + ": " + f.Severity + ": " + f.Message
}

// Errors counts the findings of severity Error.
func Errors(list []Finding) int {
	n := 0
	for _, f := range list {
		if f.Severity == Error {
			n++
		}
	}
	return n
}

// Sort orders findings by file, line, then message: a report reads like the tree.
func Sort(list []Finding) {
	sort.SliceStable(list, func(i, j int) bool {
		a, b := list[i], list[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Message < b.Message
	})
}

// WriteText prints one finding a line and a summary line.
func WriteText(w io.Writer, list []Finding) error {
	for _, f := range list {
		if _, err := fmt.Fprintln(w, f); err != nil {
			return err
		}
	}
	errs := Errors(list)
	_, err := fmt.Fprintf(w, "%d errors, %d warnings\n", errs, len(list)-errs)
	return err
}

// WriteJSON prints the findings as a JSON array (never null).
func WriteJSON(w io.Writer, list []Finding) error {
	if list == nil {
		list = []Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(list)
}

// ReadFiles loads the files of an output folder for which keep is true (all
// when keep is nil), keyed by slash path.
func ReadFiles(fsys fs.FS, keep func(path string) bool) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || (keep != nil && !keep(p)) {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		files[p] = data
		return err
	})
	return files, err
}

// findings collects findings for one file.
type findings struct {
	file string
	list []Finding
}

func (f *findings) add(severity string, line int, format string, args ...any) {
	f.list = append(f.list, Finding{Severity: severity, File: f.file, Line: line, Message: fmt.Sprintf(format, args...)})
}

func (f *findings) errorf(line int, format string, args ...any) { f.add(Error, line, format, args...) }
func (f *findings) warnf(line int, format string, args ...any)  { f.add(Warning, line, format, args...) }
