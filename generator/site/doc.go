// Package site is the pure model of a digest: from the loaded configuration and
// entries it decides, once, everything the pages and feeds show — which entries
// are published, their URLs and ids, editions (days), months, years, topics,
// previous/next links and pagination. It reads no files and writes none;
// render and feed only read what it built.
package site
