// Package cache is the build cache of a site, kept in <site>/.digest-cache/
// between runs and in memory between builds of one process (the preview
// server). It holds two things:
//
//   - the parsed entries, keyed by file path, size and modification time, with
//     the SHA-256 of their bytes, so a build re-reads only changed files;
//   - for each output folder, every output file's key (a fingerprint of all
//     that went into it: see Key) and the size and modification time it was
//     written with, so a build re-renders only pages whose inputs changed and
//     leaves the other files untouched.
//
// A cache file starts with a version line and the SHA-256 of its payload; a
// file of another version, or one that does not check out, is ignored. The
// cache is only ever a shortcut: deleting it costs time, never correctness.
package cache
