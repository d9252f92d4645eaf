// Package email makes a rendered page fit to send as a newsletter: email
// programs drop a document's <style> and scripts, and links in a mail have
// no page to be relative to.
//
// Inliner.Inline takes a whole HTML document and returns it with the rules of its
// <style> elements written into each element's style attribute (the
// element's own style last, so it wins), the <style> and <script> elements
// gone, and every href and src absolute. The rules may use the selectors
// mail needs and no more: a tag, a class, a tag with classes, and those in
// a descendant chain (".note a"); anything else (ids, pseudo-classes, @media,
// child combinators) is an error naming the selector, so a theme never ships
// a rule that silently does nothing.
//
// Text turns an HTML fragment (a curator's note) into plain text for the
// text edition: paragraphs apart, list items marked, a link's address after
// its words.
package email
