// Command mrqap340 times graph.MRQAP as a whole process on the problem
// testdata/netlm340.R gives R sna's netlm: 340 cities, three predictors
// (great-circle distance, same province among 31, score gap) and a
// Poisson(2) linkage, 2000 permutations with double semi-partialling.
//
//	go build -o /tmp/mrqap340 ./graph/testdata/mrqap340 && /usr/bin/time /tmp/mrqap340
package main

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"os"

	"collab/graph"
)

func main() {
	const n = 340
	rng := rand.New(rand.NewPCG(1, 340))
	lat, lon, score := make([]float64, n), make([]float64, n), make([]float64, n)
	prov := make([]string, n)
	for i := range n {
		lat[i], lon[i] = 20+25*rng.Float64(), 100+25*rng.Float64()
		prov[i] = fmt.Sprint(rng.IntN(31))
		score[i] = rng.ExpFloat64()
	}
	rad := math.Pi / 180
	dist, err := graph.DistanceMatrix(n, func(i, j int) float64 {
		a := math.Pow(math.Sin((lat[j]-lat[i])*rad/2), 2) + math.Cos(lat[i]*rad)*math.Cos(lat[j]*rad)*math.Pow(math.Sin((lon[j]-lon[i])*rad/2), 2)
		return 2 * 6371.0088 * math.Asin(math.Sqrt(min(1, a)))
	})
	if err != nil {
		panic(err)
	}
	gap, _ := graph.GapMatrix(score)
	y, _ := graph.NewDyadic(n)
	for i := range n {
		for j := range n {
			if i != j {
				y.Set(i, j, float64(poisson(rng, 2)))
			}
		}
	}
	fit, err := graph.MRQAP(context.Background(), y, []*graph.Dyadic{dist, graph.SameGroupMatrix(prov), gap},
		graph.MRQAPOptions{QAPOptions: graph.QAPOptions{Permutations: 2000, Seed: 1}})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, t := range fit.Terms {
		fmt.Printf("%-12s %12.6g  p(>=|t|) %.4f\n", t.Name, t.Coefficient, t.PAbsGreaterEq)
	}
}

// poisson draws by Knuth's product of uniforms.
func poisson(rng *rand.Rand, mean float64) int {
	l, k, p := math.Exp(-mean), 0, 1.0
	for {
		p *= rng.Float64()
		if p <= l {
			return k
		}
		k++
	}
}
