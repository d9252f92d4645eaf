package ingest

import (
	"errors"
	"net/url"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// extractors are the HTML extractors TestEvalHTML can measure, by name.
var extractors = map[string]Extractor{"": Readability, "readability": Readability, "trafilatura": trafilaturaExtractor}

// trafilaturaExtractor is the alternative TestEvalHTML can compare readability with.
func trafilaturaExtractor(doc *html.Node, base *url.URL) (*html.Node, error) {
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{
		OriginalURL:     base,
		ExcludeComments: true,
		IncludeLinks:    true,
		EnableFallback:  true,
		HtmlDateMode:    trafilatura.Disabled,
	})
	if err != nil {
		return nil, err
	}
	if res.ContentNode == nil {
		return nil, errors.New("no article text found in the page")
	}
	return res.ContentNode, nil
}
