// Package scaffold makes new things for an editor: a whole site folder
// (Init, the `digest init` command) and one entry (New, `digest new`).
//
// Init writes digest.yaml with comments, a welcome entry dated today, the
// GitHub Pages workflow (Workflow, the same bytes as this repository's
// .github/workflows/pages.yml) and a .gitignore; with a theme it also copies
// templates/ and static/ so the editor can change them. It refuses a folder
// that is not empty.
//
// New writes content/YYYY/MM/DD/<slug>.md for the current day in the site's
// timezone, with title, date, topics, authors and a permanent id filled in,
// and a slug no other entry of that day uses.
package scaffold
