// Package publish is the last stage of a build: it minifies each output file
// by its type and writes the whole site beside the previous output, then swaps
// it in, so a failed build never leaves a half-written site. Files whose bytes
// did not change are carried over as hard links of the old ones, keeping their
// modification time, so deploys and rsync stay small. A build that changes few
// files updates the output in place instead, through a journal that makes the
// update whole (see commit.go). It is the only package that knows
// tdewolff/minify.
package publish
