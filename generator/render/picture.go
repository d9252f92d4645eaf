package render

import "github.com/digest-news/digest/generator/site"

// pictureArgs are what the img template needs beyond the picture: the
// layout's sizes (which only the template knows), the alternative text,
// and whether the image is the first above the fold, which loads at once
// instead of lazily (a lazy lead image delays the largest paint).
type pictureArgs struct {
	Picture *site.Picture
	Sizes   string
	Alt     string
	Eager   bool
}

// pictureOf is a's picture for the img template. Its alternative text is
// the caption; without one the picture stands beside its headline and
// says nothing the headline does not, so it is decorative (alt="").
func pictureOf(a *articleView, sizes string, eager bool) pictureArgs {
	p := pictureArgs{Picture: a.Picture, Sizes: sizes, Eager: eager}
	if a.Image != nil {
		p.Alt = a.Image.Caption
	}
	return p
}
