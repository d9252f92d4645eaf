// Package preview is the live side of digest serve.
//
// Server serves a built site folder on loopback under the base URL's path, the
// way GitHub Pages would: pretty URLs (a folder answers with its index.html, a
// folder named without its slash is redirected to it), the site's 404.html with
// status 404, explicit content types, no directory listings and no way out of
// the folder (dot segments, encoded slashes and symlinks leading outside are
// refused). It answers only requests whose Host names it: a loopback name or
// address, or the host it listens on (AllowHost), so that a page elsewhere
// cannot read drafts by rebinding its own name to 127.0.0.1. It also streams the site's state to open tabs with Server-Sent
// Events at EventsPath: the Script, injected into preview builds only, reloads
// a tab after each successful build and shows an overlay naming file:line while
// the site is broken. The overlay is also written into every page served until
// the site builds again. Each tab reports at ShownPath the build it shows, so
// that a rebuild can wait for its tabs (AwaitShown) before its remaining work.
//
// Watcher reports changes to a site's inputs (digest.yaml, content/, templates/,
// static/), recursively and including folders created later, in debounced
// batches, so that a burst of saves, such as an editor's atomic-save rename
// dance, gives one rebuild.
package preview
