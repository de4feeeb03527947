package data

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

// largeJSON is a file of collab's JSON format shaped like
// /work/shared/bench/gen.py's (python3 gen.py 100000 1 8): n cities with an
// id, name, province, position and score, and about 4.6 links a city.
func largeJSON(n int) []byte {
	rng := rand.New(rand.NewPCG(1, 8))
	var b bytes.Buffer
	b.WriteString(`{"name": "synthetic", "cities": [`)
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `{"id": "c%d", "name": "City %d", "province": "P%d", "lat": %.5f, "lon": %.5f, "score": %.3f}`,
			i, i, i%4, 28+6*rng.Float64(), 115+7*rng.Float64(), 100*rng.Float64())
	}
	b.WriteString(`], "links": [`)
	// Each pair once: city s links to s+d for 4 or 5 distinct d in
	// [1, 200], which no other city's link reverses.
	for s := range n {
		var offsets []int
		for len(offsets) < 4+boolInt(s%10 < 6) {
			if d := 1 + rng.IntN(200); !slices.Contains(offsets, d) {
				offsets = append(offsets, d)
			}
		}
		for _, d := range offsets {
			if s > 0 || d != offsets[0] {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, `{"source": "c%d", "target": "c%d", "weight": %v}`, s, (s+d)%n, 1000*rng.Float64())
		}
	}
	b.WriteString("]}")
	return b.Bytes()
}

// BenchmarkReadJSON reads a 100,000-city file (44 MB): "stream" through
// Read (the stream decoder, then validation), "tree" as Read did before the
// stream decoder (the positional tree, the tree reader, validation).
// MB-live is the largest heap left in use after a read (measured after a
// collection, the dataset still held); MB-tree-live that with the tree
// still held, as the tree reader held it through validation.
//
//	go test ./data -run '^$' -bench ReadJSON -benchtime 3x -benchmem
func BenchmarkReadJSON(b *testing.B) {
	src := largeJSON(100_000)
	b.Run("stream", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		var peak uint64
		for b.Loop() {
			// With a Placer, as the command line reads files; it has
			// nothing to place here.
			ds, err := Read(bytes.NewReader(src), "big.json", Options{Place: placerFunc(nil)})
			if err != nil {
				b.Fatal(err)
			}
			peak = max(peak, heapInUse())
			runtime.KeepAlive(ds)
		}
		b.ReportMetric(float64(peak)/1e6, "MB-live")
	})
	b.Run("tree", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		var peak uint64
		for b.Loop() {
			root, err := parseTree(src, maxTreeSize)
			if err != nil {
				b.Fatal(err)
			}
			r := &jsonReader{file: "big.json", lines: newLineIndex(src)}
			ds, _ := r.dataset(root)
			if _, err := finish(ds, append(r.problems, validate(ds, r)...)); err != nil {
				b.Fatal(err)
			}
			peak = max(peak, heapInUse())
			runtime.KeepAlive(r)
		}
		b.ReportMetric(float64(peak)/1e6, "MB-tree-live")
	})
}

// heapInUse is the heap in use after a collection.
func heapInUse() uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
