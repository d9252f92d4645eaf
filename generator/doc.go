// Package generator is the recipe of digest: it is the only package that knows
// the order of the stages. A build loads the site (content), models it (site),
// converts Markdown (markdown), renders pages (render), makes feeds (feed),
// then minifies and writes the output (publish). The command calls Build,
// Serve, Ingest and friends; nothing else imports this package.
package generator
