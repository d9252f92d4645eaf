// Package feed is the subscription and hosting stage of a build: from the site
// model it makes the bytes of every feed and crawler file, and writes nothing
// itself. It is the only package that imports github.com/gorilla/feeds.
//
// Files returns, in a fixed order, with paths relative to the output root:
//
//   - the site feeds of Site.Feeds: feed.xml (RSS 2.0), atom.xml (Atom 1.0),
//     feed.json (JSON Feed 1.1) and editions.xml (RSS, one item per day
//     holding that day's digest grouped by topic);
//   - for each topic, the feeds of Topic.Feeds (topics/<slug>/feed.xml and
//     topics/<slug>/atom.xml);
//   - the archive documents of every History of the site (RFC 5005: for the
//     site's and each topic's RSS and Atom feeds, one a month of the items
//     the live feed no longer holds, under <feed's folder>/archive/YYYY/MM/),
//     each with fh:archive and links current, prev-archive and next-archive,
//     the live feed's id and author, and nothing of the site that newer
//     articles change, so a closed month keeps its bytes; its items carry
//     title, link, dates and summary, not the article's content;
//   - feeds.opml (every live feed above: site feeds, then topics);
//   - sitemap.xml (every page but 404.html, lastmod = newest entry shown);
//   - news-sitemap.xml (Google News: articles of the two days up to the newest);
//   - robots.txt (allow all, naming both sitemaps).
//
// Feeds carry at most Config.FeedItems items in the model's order. Item ids
// are Article.ID (stable; an RSS guid with isPermaLink="false"), every URL is
// absolute, the item content is the caller's absolute-URL HTML (see Content),
// and a feed's updated date is its newest item (Site.Updated, else a fixed
// date, for an empty feed): the same model gives the same bytes.
//
// A live RSS or Atom feed with archives links prev-archive to the newest;
// with websub_hub set, every live feed names the hub (Atom and RSS
// rel="hub", JSON Feed hubs).
//
// Given a Minify, every feed is handed out minified, byte for byte as the
// whole document minified (TestMinifiedByParts): each item is minified once
// and spliced into every document that holds it. Without one, feeds are
// indented.
//
// gorilla/feeds builds the documents; this package extends its structs with
// what v1.2.0 lacks: RSS atom:link rel="self", dc:creator and one category per
// topic; Atom rel="self", xml:lang, published, several authors and categories
// with term and label; JSON Feed feed_url, language, authors and tags. It never
// sets a channel author (gorilla writes it as an invalid managingEditor).
package feed
