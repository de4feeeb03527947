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
