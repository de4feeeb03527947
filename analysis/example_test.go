package analysis_test

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"collab/analysis"
	"collab/data"
	"collab/param"
)

// Run takes a context first; parameters are typed values, and an error
// names the parameter, which a program may spell as it likes.
func ExampleRun() {
	ds, err := data.Read(strings.NewReader(string(data.Sample())), data.SampleName, data.Options{})
	if err != nil {
		panic(err)
	}
	res, err := analysis.Run(context.Background(), ds, analysis.DefaultParameters())
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d cities, mean %.2f, CV %.2f, weights %s\n", len(res.Cities), res.Summary.Mean, res.Summary.CVPopulation, res.Parameters.Weights)

	p := analysis.DefaultParameters()
	p.Permutations = -1
	_, err = analysis.Run(context.Background(), ds, p)
	var perr *analysis.ParameterError
	if errors.As(err, &perr) {
		fmt.Println(perr.Param, "|", perr.Render(func(n param.Name) string { return "Parameters." + strings.ToUpper(string(n[:1])) + string(n[1:]) }))
	}
	// Output:
	// 41 cities, mean 138.67, CV 1.69, weights contiguity
	// permutations | Parameters.Permutations -1: must be between 0 (no permutation test) and 999999; 999 is customary
}

// The sample is a panel of two years, so Run fills Result.Dynamics: here
// the tier transition matrix 2001 -> 2021, then the chain of each year's
// quartiles, chosen by its spelling as a flag would give it. (numpy 1.24
// gives the same quartile matrix: b = np.percentile(x, [25, 50, 75, 100])
// and np.searchsorted(b, x, side="left") for each year's scores x of
// data/samples/yrd.json; 2001 has 13 cities in Q1, ties at 0.0164.)
func ExampleRun_dynamics() {
	ds, err := data.Read(strings.NewReader(string(data.Sample())), data.SampleName, data.Options{})
	if err != nil {
		panic(err)
	}
	res, err := analysis.Run(context.Background(), ds, analysis.DefaultParameters())
	if err != nil {
		panic(err)
	}
	d := res.Dynamics
	fmt.Println(d.Years, d.Classes.Names)
	for i, row := range d.Transitions {
		fmt.Println(d.Classes.Names[i], row)
	}
	fmt.Printf("tier-4 cities rising: %.4f\n", d.Probabilities[3][2])

	p := analysis.DefaultParameters()
	if err := p.Classes.UnmarshalText([]byte("quantile:4")); err != nil {
		panic(err)
	}
	res, err = analysis.Run(context.Background(), ds, p)
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Dynamics.Classes.Names, res.Dynamics.Transitions)
	// Output:
	// [2001 2021] [tier 1 tier 2 tier 3 tier 4]
	// tier 1 [1 1 0 0]
	// tier 2 [0 5 0 0]
	// tier 3 [0 2 0 0]
	// tier 4 [0 0 9 23]
	// tier-4 cities rising: 0.2812
	// [Q1 Q2 Q3 Q4] [[10 3 0 0] [1 7 0 0] [0 0 10 0] [0 0 0 10]]
}
