package generator

import (
	"io/fs"

	digest "github.com/digest-news/digest"
	"github.com/digest-news/digest/generator/scaffold"
)

// InitOptions are the flags of digest init.
type InitOptions struct {
	Dir   string // the new site's folder: missing or empty
	Theme bool   // copy the default theme's templates/ and static/ into it
}

// Init makes a ready site in a new folder and lists the files it wrote.
func Init(opts InitOptions) ([]string, error) {
	var theme fs.FS
	if opts.Theme {
		theme = digest.Theme
	}
	return scaffold.Init(opts.Dir, scaffold.Options{Theme: theme})
}

// NewOptions are the flags and argument of digest new.
type NewOptions struct {
	Site   string   // folder holding digest.yaml
	Title  string   // the headline
	Topics []string // topic slugs
}

// New starts an entry dated now and returns the path of its file.
func New(opts NewOptions) (string, error) {
	return scaffold.New(opts.Site, scaffold.Entry{Title: opts.Title, Topics: opts.Topics})
}
