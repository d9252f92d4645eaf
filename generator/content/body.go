package content

// Stamp is the size and modification time (ns) of a file as read.
type Stamp struct{ Size, MTime int64 }

// ReadBody reads the entry file at path into *buf (grown when too small)
// and gives its Markdown body, a slice of *buf, with the file's stamp. A build
// drops each body once the entry is parsed and reads it again just before
// converting it, so a large site's bodies are never all held at once: they
// would be much of a build's memory, and fresh memory is slow to come by.
// It refuses what ParseFiles would refuse to read (ErrNotRegular,
// *TooLargeError over MaxEntrySizeCeiling).
func ReadBody(path, file string, buf *[]byte) (body []byte, st Stamp, err error) {
	data, st, err := readInto(path, *buf, MaxEntrySizeCeiling)
	if err != nil {
		return nil, st, err
	}
	*buf = data[:0]
	_, body, _, e := split(file, data)
	if e != nil {
		return nil, st, e
	}
	return body, st, nil
}
