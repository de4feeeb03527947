package data

import (
	"bytes"
	"os"

	"collab/param"
)

// readBytes reads src as the file name, with the default options.
func readBytes(name string, src []byte) (*Dataset, error) {
	return Read(bytes.NewReader(src), name, Options{})
}

// readWith reads src as the file name, with options o.
func readWith(o Options, name string, src []byte) (*Dataset, error) {
	return Read(bytes.NewReader(src), name, o)
}

// loadFile reads the file at path.
func loadFile(path string) (*Dataset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, path, Options{})
}

// withLinksFile is o reading its links from the file at path.
func withLinksFile(o Options, path string) Options {
	src, err := os.ReadFile(path)
	if err != nil {
		panic(err)
	}
	o.Links, o.LinksName = bytes.NewReader(src), path
	return o
}

// flags spells options as the command line does, to compare messages with
// its.
func flags(n param.Name) string { return "--" + string(n) }
