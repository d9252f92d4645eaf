// Package digest holds what the digest binary carries with it: the default
// theme, used by a site folder without its own templates/ or static/.
package digest

import "embed"

// Theme is the default theme: templates/ (see generator/render) and static/
// (copied to the output root keeping their paths).
//
//go:embed templates static
var Theme embed.FS
