package dynamics_test

import (
	"encoding/json"
	"fmt"

	"collab/dynamics"
	"collab/spatial"
)

func ExampleMarkov() {
	// Four cities over four years, classed by each year's own halves
	// (quantile:2): classes 0101, 0101, 0011, 0011, so city 2 rises into
	// the upper half in year 2 and city 1 falls out of it; every other move
	// stays. P(low -> high) = 1/6 and the mean passage low -> high is 1/(1/6).
	scores := [][]float64{
		{1, 5, 2, 8},
		{1, 6, 2, 9},
		{1, 2, 6, 9},
		{2, 1, 7, 9},
	}
	m, err := dynamics.Markov(scores, dynamics.Options{Classes: dynamics.Scheme{Kind: dynamics.Quantile, K: 2}})
	if err != nil {
		panic(err)
	}
	fmt.Println("counts:", m.Counts)
	fmt.Printf("P(low -> high) = %.3f, P(high -> low) = %.3f\n", m.Probabilities[0][1], m.Probabilities[1][0])
	fmt.Printf("steady state: %.3f\n", m.SteadyState)
	fmt.Printf("mean years from low to high: %.1f\n", m.FirstPassage[0][1])
	// Output:
	// counts: [[5 1] [1 5]]
	// P(low -> high) = 0.167, P(high -> low) = 0.167
	// steady state: [0.500 0.500]
	// mean years from low to high: 6.0
}

func ExampleSpatialMarkov() {
	// Four cities on a line, 0-1-2-3; quantile:2 classes of the scores
	// and of their spatial lags (the neighbours' mean). By hand: classes
	// 0011, 0011, 0101, 0101 and lag classes 0011, 0011, 1010 in years 0-2;
	// with low neighbours city 1 rises once (year 1), with high neighbours
	// city 2 falls once (year 1).
	w, err := spatial.Contiguity([][]int{{1}, {0, 2}, {1, 3}, {2}})
	if err != nil {
		panic(err)
	}
	scores := [][]float64{
		{1, 2, 8, 9},
		{1, 3, 8, 9},
		{2, 6, 4, 9},
		{3, 7, 4, 8},
	}
	sm, err := dynamics.SpatialMarkov(scores, w, dynamics.Options{Classes: dynamics.Scheme{Kind: dynamics.Quantile, K: 2}})
	if err != nil {
		panic(err)
	}
	for l, c := range sm.ByLag {
		fmt.Printf("lag class %d: counts %v\n", l, c.Counts)
	}
	fmt.Println("homogeneity dof:", sm.Homogeneity.DOF)
	// Output:
	// lag class 0: counts [[3 1] [0 2]]
	// lag class 1: counts [[2 0] [1 3]]
	// homogeneity dof: 2
}

func ExampleDagum() {
	// Two groups: {1, 3} and {2, 6}.
	d, err := dynamics.Dagum([]float64{1, 2, 3, 6}, []int{0, 1, 0, 1})
	if err != nil {
		panic(err)
	}
	fmt.Printf("G = %.4f = within %.4f + net between %.4f + transvariation %.4f\n",
		d.Gini, d.Within, d.NetBetween, d.Transvariation)
	fmt.Printf("G_01 = %.4f\n", d.Between[0][1])
	// Output:
	// G = 0.3333 = within 0.1250 + net between 0.1667 + transvariation 0.0417
	// G_01 = 0.4167
}

func ExampleScheme() {
	var o struct {
		Classes    dynamics.Scheme  `json:"classes"`
		LagClasses *dynamics.Scheme `json:"lag_classes"`
	}
	if err := json.Unmarshal([]byte(`{"classes": "pooled:5", "lag_classes": "quantile:4"}`), &o); err != nil {
		panic(err)
	}
	fmt.Println(o.Classes.Kind == dynamics.Pooled, o.Classes.K, o.LagClasses)
	_, err := dynamics.ParseScheme("quantile:1")
	fmt.Println(err)
	// Output:
	// true 5 quantile:4
	// dynamics: class scheme: K must be >= 2, got 1
}
