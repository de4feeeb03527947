package spatial

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

// benchRegion is n cities scattered like ../shared/bench/gen.py's (a 6 x 7
// degree box) with heavy-tailed scores.
func benchRegion(n int) (lat, lon, y []float64) {
	rng := rand.New(rand.NewPCG(uint64(n), 1))
	lat, lon = randomPlaces(rng, n)
	for range n {
		y = append(y, math.Exp(3+1.2*rng.NormFloat64()))
	}
	return lat, lon, y
}

var benchSizes = []int{1000, 5000, 20000}

func BenchmarkKNN(b *testing.B) {
	for _, n := range benchSizes {
		lat, lon, _ := benchRegion(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := KNN(pts(lat, lon), 8); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkDelaunay(b *testing.B) {
	for _, n := range benchSizes {
		lat, lon, _ := benchRegion(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				Delaunay(pts(lat, lon))
			}
		})
	}
}

// benchStatistic times one statistic with 999 permutations on knn:8
// row-standardised weights, as in the comparison with spdep.
func benchStatistic(b *testing.B, stat func(y []float64, w *Weights, p Permutations)) {
	for _, n := range benchSizes {
		lat, lon, y := benchRegion(n)
		w, err := KNN(pts(lat, lon), 8)
		if err != nil {
			b.Fatal(err)
		}
		w = w.Standardize()
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				stat(y, w, Permutations{R: 999, Seed: 1})
			}
		})
	}
}

func BenchmarkGlobalMoran(b *testing.B) {
	benchStatistic(b, func(y []float64, w *Weights, p Permutations) { GlobalMoran(context.Background(), y, w, p) })
}

func BenchmarkLocalMoran(b *testing.B) {
	benchStatistic(b, func(y []float64, w *Weights, p Permutations) { LocalMoran(context.Background(), y, w, p) })
}

func BenchmarkGetisOrdStar(b *testing.B) {
	benchStatistic(b, func(y []float64, w *Weights, p Permutations) { GetisOrdStar(context.Background(), y, w, p) })
}
