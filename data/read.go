package data

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
)

// MaxFileSize bounds what a reader loads into memory. A larger file is refused
// with a message rather than risking the machine's memory.
const MaxFileSize = 1 << 30

//go:embed samples/yrd.json
var sampleYRD []byte

// SampleName labels the embedded sample in messages and reports.
const SampleName = "embedded sample yrd.json"

// Sample returns the embedded Yangtze River Delta sample in the JSON format:
// 41 cities with coordinates, population, contiguity and scores for 2001 and
// 2021. See samples/README.md for its sources and licences.
func Sample() []byte {
	return append([]byte(nil), sampleYRD...)
}

// Load reads and validates the dataset at path; "-" reads standard input
// from stdin.
func Load(path string, stdin io.Reader) (*Dataset, error) {
	src, err := readAll(path, stdin)
	if err != nil {
		return nil, err
	}
	return Read(path, src)
}

// Read decodes and validates a dataset; name labels it in messages.
func Read(name string, src []byte) (*Dataset, error) {
	return ReadJSON(name, src)
}

// ErrTooLarge is returned for inputs over MaxFileSize.
var ErrTooLarge = errors.New("file too large")

func readAll(path string, stdin io.Reader) ([]byte, error) {
	r := stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	src, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(src) > MaxFileSize {
		return nil, fmt.Errorf("%s: %w: over %d MiB", path, ErrTooLarge, MaxFileSize>>20)
	}
	return src, nil
}
