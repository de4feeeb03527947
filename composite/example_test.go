package composite_test

import (
	"context"
	"fmt"

	"collab/composite"
)

// exampleTable is four cities with R&D spending, patents and energy use
// (less is better).
func exampleTable() *composite.Table {
	t := composite.NewTable([]string{"Hefei", "Suzhou", "Wuxi", "Huzhou"}, nil, []string{"rd", "patents", "energy", "gdp"})
	copy(t.Values[0][0], []float64{2, 4, 6, 10})
	copy(t.Values[0][1], []float64{30, 10, 20, 40})
	copy(t.Values[0][2], []float64{8, 2, 5, 6})
	copy(t.Values[0][3], []float64{1, 2, 4, 5})
	return t
}

func ExampleScore() {
	var inds composite.IndicatorList
	if err := inds.UnmarshalText([]byte("rd,patents,-energy")); err != nil {
		fmt.Println(err)
		return
	}
	res, err := composite.Score(context.Background(), exampleTable(), inds, composite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for j, ind := range inds {
		fmt.Printf("%-8s e = %.4f  w = %.4f\n", ind, res.Weights[0].Entropy[j], res.Weights[0].Weight[j])
	}
	for i, city := range res.Cities {
		fmt.Printf("%-7s %6.2f\n", city, res.Scores[0][i])
	}
	// Output:
	// rd       e = 0.6894  w = 0.3598
	// patents  e = 0.7296  w = 0.3132
	// -energy  e = 0.7177  w = 0.3270
	// Hefei    20.88
	// Suzhou   41.69
	// Wuxi     44.78
	// Huzhou   78.20
}

func ExampleScore_topsis() {
	inds := composite.IndicatorList{{Name: "rd"}, {Name: "patents"}, {Name: "energy", LessIsBetter: true}}
	var m composite.Method
	if err := m.UnmarshalText([]byte("topsis")); err != nil {
		fmt.Println(err)
		return
	}
	res, err := composite.Score(context.Background(), exampleTable(), inds, composite.Options{Method: m})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, city := range res.Cities {
		fmt.Printf("%-7s D+ = %.4f  D- = %.4f  C = %.4f\n", city, res.DPlus[0][i], res.DMinus[0][i], res.Scores[0][i])
	}
	// Output:
	// Hefei   D+ = 0.4973  D- = 0.2088  C = 0.2957
	// Suzhou  D+ = 0.4134  D- = 0.3391  C = 0.4506
	// Wuxi    D+ = 0.3205  D- = 0.2646  C = 0.4522
	// Huzhou  D+ = 0.2180  D- = 0.4893  C = 0.6918
}

func ExampleScore_panel() {
	// Every indicator doubles from 2020 to 2021. Pooled (by hand): x' =
	// (x - 1)/7 and y' = (y - 1)/5 over both years, so every city rises;
	// per year, x' = (x - min)/(max - min) within the year is the same in
	// both years, and so is the score.
	t := composite.NewTable([]string{"a", "b", "c"}, []int{2020, 2021}, []string{"x", "y"})
	copy(t.Values[0][0], []float64{1, 2, 4})
	copy(t.Values[0][1], []float64{3, 1, 2})
	copy(t.Values[1][0], []float64{2, 4, 8})
	copy(t.Values[1][1], []float64{6, 2, 4})
	inds := composite.IndicatorList{{Name: "x"}, {Name: "y"}}
	for _, perYear := range []bool{false, true} {
		res, err := composite.Score(context.Background(), t, inds, composite.Options{Method: composite.Equal, PerYear: perYear})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("per year %-5v 2020: %.1f  2021: %.1f\n", perYear, res.Scores[0], res.Scores[1])
	}
	// Output:
	// per year false 2020: [20.0 7.1 31.4]  2021: [57.1 31.4 80.0]
	// per year true  2020: [50.0 16.7 75.0]  2021: [50.0 16.7 75.0]
}

func ExampleCoordinate() {
	var subs composite.Subsystems
	if err := subs.UnmarshalText([]byte("innovation:rd,patents;economy:-energy,gdp")); err != nil {
		fmt.Println(err)
		return
	}
	cp, err := composite.Coordinate(context.Background(), exampleTable(), subs, nil, composite.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, city := range cp.Cities {
		c := cp.Degree[0][i]
		fmt.Printf("%-7s U = %.3f, %.3f  C = %.3f  T = %.3f  D = %.3f  %v\n",
			city, cp.Indices[0].Scores[0][i], cp.Indices[1].Scores[0][i], c.C, c.T, c.D, c.Grade)
	}
	// Output:
	// Hefei   U = 0.310, 0.000  C = 0.000  T = 0.155  D = 0.000  extreme disorder
	// Suzhou  U = 0.134, 0.615  C = 0.766  T = 0.375  D = 0.536  barely coordinated
	// Wuxi    U = 0.422, 0.628  C = 0.981  T = 0.525  D = 0.718  intermediate coordination
	// Huzhou  U = 1.000, 0.675  C = 0.981  T = 0.838  D = 0.906  quality coordination
}

func ExampleCouplingDegree() {
	c, err := composite.CouplingDegree([]float64{0.2, 0.4, 0.8}, []float64{0.5, 0.3, 0.2})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("C = %.4f  T = %.2f  D = %.4f  %v\n", c.C, c.T, c.D, c.Grade)
	// Output:
	// C = 0.8571  T = 0.38  D = 0.5707  barely coordinated
}
