package site

import (
	"strconv"

	"github.com/digest-news/digest/generator/content"
)

// Picture is an article's lead image as pages and feeds show it, worked
// out before any page renders. A remote image is its URL alone; a local
// one has its published variants, its size and its type, which the build
// works out (package images) in place of the URL as written.
type Picture struct {
	URL           string // the src: the widest variant's site path, or the remote URL as written
	Width, Height int    // of URL; zero when not known (a remote image)
	Type          string // MIME type; "" when not known
	Length        int64  // bytes of URL's file; zero when not known
	Variants      []PictureVariant
	Alt           string // the caption, else the title
	Hash          string // the source's content hash; "" for a remote image. Keys cover it
}

// PictureVariant is one published size of a local picture.
type PictureVariant struct {
	Path          string // in the output, e.g. media/<hash>-480.jpg
	URL           string // site path
	Width, Height int
	Length        int64
}

// Srcset is the variants as an img srcset ("" for a remote picture).
func (p *Picture) Srcset() string {
	var b []byte
	for i, v := range p.Variants {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, v.URL...)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(v.Width), 10)
		b = append(b, 'w')
	}
	return string(b)
}

// Local reports whether the picture's variants are made by the build.
func (p *Picture) Local() bool { return p.Hash != "" }

// writtenPicture is the picture of an image URL as the entry wrote it,
// until the build replaces a local one by its variants.
func writtenPicture(img *content.Image) *Picture {
	if img == nil || img.URL == "" {
		return nil
	}
	return &Picture{URL: img.URL}
}
