// Package check finds what would make a published digest wrong, in one report
// of Findings (severity, file, line, message).
//
// Content checks a site folder before it is built: everything content.Load
// reports (front matter, unknown topics, same date and slug), duplicate feed
// ids, links between entries that do not resolve to a published entry or page,
// and entries without a summary (warnings).
//
// Output checks built files, keyed by output path: every RSS 2.0, Atom 1.0
// and JSON feed against the rules of the W3C Feed Validator (RFC 822 dates with
// numeric zones in RSS, RFC 3339 in Atom, present and unique guids and ids,
// absolute links, a self link equal to the feed's own address, no relative
// URLs in item content, required elements), the OPML list, and every internal
// link and #fragment of every HTML page.
//
// Vanished compares the feeds of a previous output with new ones and warns
// about ids that readers saw before and that are gone although still recent.
package check
