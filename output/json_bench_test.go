package output

import (
	"math/rand/v2"
	"reflect"
	"runtime"
	"testing"

	"collab/analysis"
)

// fullResult is largeResult(n) with every per-city part present and every
// number, string and flag of the cities and links filled: the shape of a
// whole study's cities (about 1.2 KB each in the results) and links.
func fullResult(n int) *analysis.Result {
	r := largeResult(n)
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range r.Cities {
		fill(reflect.ValueOf(&r.Cities[i]).Elem(), rng)
	}
	for i := range r.Links {
		fill(reflect.ValueOf(&r.Links[i]).Elem(), rng)
	}
	return r
}

// fill sets v's numbers, strings and flags, allocating its pointers to
// structs and numbers; one value in eight of a float type is NaN (null,
// for an analysis.Number). Strings already set are kept.
func fill(v reflect.Value, rng *rand.Rand) {
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), rng)
			}
		}
	case reflect.Pointer:
		if k := v.Type().Elem().Kind(); v.IsNil() && (k == reflect.Struct || k <= reflect.Float64) {
			v.Set(reflect.New(v.Type().Elem()))
		}
		if !v.IsNil() {
			fill(v.Elem(), rng)
		}
	case reflect.Float64:
		x := rng.NormFloat64() * 1e3
		if rng.IntN(8) == 0 && v.Type() != reflect.TypeFor[float64]() {
			x = nan
		}
		v.SetFloat(x)
	case reflect.Int:
		v.SetInt(int64(rng.IntN(100)))
	case reflect.Bool:
		v.SetBool(rng.IntN(2) == 0)
	case reflect.String:
		if v.String() == "" {
			v.SetString([]string{"LL", "none", "not significant", "c123"}[rng.IntN(4)])
		}
	}
}

var nan = func() float64 { var zero float64; return zero / zero }()

// BenchmarkJSON writes the results of 20,000 cities and 92,000 links
// (fullResult): "stream" as JSON does, "whole" as the whole Result encoded
// at once and then indented did before. MB-peak is the largest heap in use
// while writing, sampled at each 64 KiB written.
//
//	go test ./output -run '^$' -bench 'BenchmarkJSON$' -benchtime 3x -benchmem
func BenchmarkJSON(b *testing.B) {
	r := fullResult(20000)
	r.Links = append(r.Links, r.Links[:12000]...)
	for _, w := range []struct {
		name  string
		write func(*heapWriter) error
	}{
		{"stream", func(w *heapWriter) error { return JSON(w, r) }},
		{"whole", func(w *heapWriter) error { return writeIndented(w, r) }},
	} {
		b.Run(w.name, func(b *testing.B) {
			var hw heapWriter
			runtime.GC()
			for b.Loop() {
				hw.n = 0
				if err := w.write(&hw); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(hw.n)/1e6, "MB")
			b.ReportMetric(float64(hw.peak)/1e6, "MB-peak")
		})
	}
}

// heapWriter counts what is written and samples the heap in use.
type heapWriter struct {
	n    int
	peak uint64
}

func (h *heapWriter) Write(p []byte) (int, error) {
	h.n += len(p)
	if h.n%(64<<10*64) < len(p) { // about every 4 MiB
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		h.peak = max(h.peak, m.HeapAlloc)
	}
	return len(p), nil
}
