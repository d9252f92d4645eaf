// Package ingest turns raw articles into digest entries. It is the editor's
// way in, the stage before content: input is an article in one of the forms
// scrapers and exports produce, output is a content.FrontMatter and a clean
// Markdown body that content.Format writes and content.ParseEntry reads back
// unchanged.
//
// Inputs (Read): plain-text scrapes, HTML pages, JSON and JSONL records,
// RSS/Atom feeds (one article per item), folders of these and http(s) URLs.
//
// Raw text (CleanText) is cleaned in two passes. First the page is cut into
// blocks (runs of lines between blank lines, one block per list item) and
// each block is classified from its features, as jusText does: word count,
// stopword density, final punctuation, link-likeness, repetition and known
// page furniture (share counters, breakpoint names, cookie and newsletter
// prompts, relative ages). Aligned columns and lines that share a field
// separator are table rows and count for the article; blurbs cut off with an
// ellipsis, date lines between blocks and captions shown twice count against
// it. The article is the contiguous run of blocks with the best score, which
// drops menus before it and related links after it; a long stretch of chrome
// costs more the longer it runs, and prose past a wall (comments, "There are
// 9 comments") must outweigh the article twice. The headline is the earliest
// candidate nearly as good as the best, since a standfirst, a caption or a
// subheading under it may share as many words with the lead.
// Then news rules read the blocks around it: the headline and the date line
// above the body, the byline, photo captions with their credits (REUTERS/,
// AP Photo/, AFP, Getty Images, EPA, Photograph:), the dateline opening the
// first paragraph ("WASHINGTON (Reuters) -") and the credit lines closing it
// ("Reporting by ...; Editing by ..."); an ad label takes the widget's
// credit line next to it.
//
// HTML (ExtractHTML) goes through go-readability, chosen over go-trafilatura by
// measurement on the scrapinghub benchmark (TestEvalHTML), then to Markdown with
// html-to-markdown; nothing but text, emphasis, links, lists, quotes and
// headings survives. Embedded posts (twitter-tweet blockquotes) are unwrapped
// first so that the extractor keeps them. The same news rules run on the
// result (they also drop gallery counters, Posted/Updated stamps, social icon
// lists, box headings with their lists, captions glued to credits, calls to
// follow the outlet on a channel, disclosures, log-in notes, an author's bio
// or the issuer's boilerplate closing the body ("Acme is a global provider
// of ..."), and end it at comment and related-story headings in
// English, German, French, Spanish, Portuguese and Italian); the standfirst
// the page declares as its description and shows under its headline opens
// the body when the extractor left it out. The page's metadata (og:,
// JSON-LD, meta tags, time elements) supplies title, date, authors and
// canonical URL. The headline is the page's h1 when it is a part
// of the declared title or says it in other words, the declared title when
// the h1 adds a kicker to it. The date the dateline prints under the
// headline is weighed against the declared one: when they agree (the same
// day, the same instant on the page's clock, day and month either way) the
// declared date is kept, in the zone the printed time implies; when they
// differ the printed date wins, unless it is labelled an update. A page
// that declares no date or author gets the ones it prints: the first date in
// a short line after the headline (else the nearest before it), then a date
// after a label ("Erschienen am", "Published", "publicado") or in a byline
// ("von X am ..."), and a byline line (By, Von, Par, Por ...) by the
// headline; page clocks ("Aktuelle Zeit:"), a forum member's sign-up day,
// dates inside sentences and relative ages are no date.
//
// Entry (MakeEntry) writes the front matter: ASCII slug, summary cut from the
// lead at a sentence boundary, a permanent id and suggested topics
// (Classifier: config keywords plus multinomial naive Bayes trained on the
// site's own entries). Index finds duplicates by normalised source URL and by
// SimHash of the body. Stories finds the entry of a story another outlet
// told in its own words (TF-IDF cosine of headline and lead, among the
// entries dated within StoryWindow), whose also list the report joins.
package ingest
