package analysis_test

import (
	"context"
	"fmt"
	"os"

	"collab/analysis"
	"collab/data"
	"collab/regression"
)

// A spatial lag model of crime on income and house value in Columbus's
// 49 neighbourhoods (spData), as spatialreg's lagsarlm(CRIME ~ INC +
// HOVAL, method = "eigen") on col.gal.nb gives it: rho 0.4039, and the
// indirect (spillover) effect of income.
func ExampleFitModel() {
	f, err := os.Open("testdata/columbus.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	ds, err := data.Read(f, "columbus.csv", data.Options{ScoreOptional: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	p := analysis.DefaultParameters()
	spec := &analysis.ModelSpec{Kind: regression.SAR, Y: analysis.Term{Name: "CRIME"},
		X: []analysis.Term{{Name: "INC"}, {Name: "HOVAL"}}, Draws: 0}
	if err := spec.Weights.UnmarshalText([]byte("contiguity")); err != nil {
		fmt.Println(err)
		return
	}
	p.Model = spec
	m, err := analysis.FitModel(context.Background(), ds, p)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("rho %.4f (se %.4f), log-likelihood %.3f\n", m.Rho.Estimate, m.Rho.SE, m.LogLikelihood)
	im := m.Impacts[0]
	fmt.Printf("%s: direct %.4f, indirect %.4f, total %.4f\n", im.Name, im.Direct, im.Indirect, im.Total)
	fmt.Println("supported:", m.Supported.Model)
	// Output:
	// rho 0.4039 (se 0.1207), log-likelihood -183.168
	// INC: direct -1.1225, indirect -0.6784, total -1.8009
	// supported: sar
}
