package data

import (
	"errors"
	"fmt"
	"io"
)

// Limits on what one input may make collab hold in memory. A mistaken or
// hostile file (a 1 GB export, an unclosed quote that turns the rest of a
// CSV file into one field, a JSON array of a billion zeros) is refused with
// an error wrapping ErrTooLarge, not read until the machine runs out of
// memory. Each bound is far above the regions collab is meant for (up to a
// few hundred thousand cities).
const (
	// MaxFileSize bounds a JSON or GeoJSON file, which is read whole. CSV is
	// read row by row and is bounded by the counts below instead.
	MaxFileSize = 1 << 30
	// MaxRecordSize bounds one CSV record: a line, or the lines a quoted
	// field joins.
	MaxRecordSize = 64 << 20
	// MaxCities, MaxLinks and MaxNeighbors bound the cities, the links and
	// the neighbour entries (over all cities) of a dataset in any format.
	// MaxLinks bounds the networks and weights a study builds as well
	// (analysis.MaxLinks).
	MaxCities    = 1_000_000
	MaxLinks     = 20_000_000
	MaxNeighbors = 20_000_000
	// maxTreeSize bounds the memory of the tree of a JSON document, about
	// 150 bytes a value: 200,000 cities with their links take 600 MB.
	maxTreeSize = 1 << 30
)

// ErrTooLarge is returned, wrapped with the file's name and the bound, for
// inputs beyond the limits above.
var ErrTooLarge = errors.New("file too large")

func tooLarge(name, format string, args ...any) error {
	return fmt.Errorf("%s: %w: "+format, append([]any{name, ErrTooLarge}, args...)...)
}

func tooMany(name string, limit int, what string) error {
	return tooLarge(name, "more than %d %s; collab reads at most that many", limit, what)
}

// countsWithin checks a decoded dataset against MaxCities, MaxLinks and
// MaxNeighbors.
func countsWithin(name string, ds *Dataset) error {
	neighbors := 0
	for _, c := range ds.Cities {
		neighbors += len(c.Neighbors)
	}
	return checkCounts(name, len(ds.Cities), len(ds.Links), neighbors)
}

func checkCounts(name string, cities, links, neighbors int) error {
	switch {
	case cities > MaxCities:
		return tooMany(name, MaxCities, "cities")
	case links > MaxLinks:
		return tooMany(name, MaxLinks, "links")
	case neighbors > MaxNeighbors:
		return tooMany(name, MaxNeighbors, "neighbours in all")
	}
	return nil
}

// errRecordTooLarge is what recordLimit returns past MaxRecordSize.
var errRecordTooLarge = errors.New("record too large")

// recordLimit passes reads through until limit bytes have been read since
// the last reset, then fails, so that encoding/csv cannot gather a record
// of unbounded size. csv.Reader buffers at most 4 KB ahead, which counts
// towards the next record.
type recordLimit struct {
	r     io.Reader
	n     int
	limit int
}

func (l *recordLimit) Read(p []byte) (int, error) {
	if l.n >= l.limit {
		return 0, errRecordTooLarge
	}
	p = p[:min(len(p), l.limit-l.n)]
	n, err := l.r.Read(p)
	l.n += n
	return n, err
}

func (l *recordLimit) reset() { l.n = 0 }
