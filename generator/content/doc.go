// Package content is the first stage of a build: it reads digest.yaml and the
// Markdown entries under content/ from an fs.FS, checks them strictly and
// returns typed values. Every problem is an *Error naming file and line, and
// Load reports all bad entries of a site at once.
//
// It is the only package that knows YAML; Format writes an entry back in the
// same form, so what ingest and new write, Load reads unchanged.
package content
