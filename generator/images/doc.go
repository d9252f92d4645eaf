// Package images makes the published sizes of a site's local lead images.
//
// Input: the path of a JPEG or PNG file (beside an entry, or under static/).
// Output: an Image, which says what the file holds (its SHA-256, format,
// size in bytes and pixels) and the variants a page offers in its srcset:
// the file scaled down to each of Widths that is narrower than it, plus the
// file's own width when under the widest, never scaled up, in the file's
// own format. Variants are made at most once per image per build, and the
// build asks for them in parallel.
//
// # The cache: what its keys cover
//
// A Processor with a folder (<site>/.digest-cache/images/) keeps there:
//
//   - index.json: per source path, the file's size and modification time
//     with its hash, dimensions and variants. A source whose size and time
//     are as recorded is not read again: a warm build with nothing changed
//     reads no image and scales none.
//   - v<N>/<hash>-<width>.<ext>: a variant's bytes, named by the SHA-256 of
//     the source's bytes (its first 80 bits, in hex) and the width; the
//     build publishes it under the same name. N is Version, which covers how
//     variants are made (the scaler, the JPEG quality, PNG compression);
//     change it when those change. Two paths with the same bytes share
//     their variants; an edited image has another hash, so other variants.
//
// The cache is a shortcut only: a variant file that is missing, or not of
// the length recorded, is made again from its source; an unreadable index
// is ignored. Variants of pictures no longer used stay until the folder is
// deleted, which costs a rebuild of the variants and nothing else.
package images
