package composite

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
)

// TestErrors: every bad input gives an *Error naming the parameter and,
// where it applies, the indicator, city and year, with a reason that says
// why.
func TestErrors(t *testing.T) {
	ctx := context.Background()
	flat := func() *Table { // B is constant
		tab := handTable()
		copy(tab.Values[0][1], []float64{7, 7, 7, 7})
		return tab
	}
	flatIn2012 := func() *Table { // rd has no variation in 2012 alone
		tab := syntheticPanel(5, 3)
		copy(tab.Values[1][0], []float64{3, 3, 3, 3, 3})
		return tab
	}
	oneCity := NewTable([]string{"only"}, nil, []string{"A", "B"})
	nonFinite := handTable()
	nonFinite.Values[0][3][2] = math.Inf(1)
	ragged := handTable()
	ragged.Values[0][1] = ragged.Values[0][1][:3]
	allMissing := handTable()
	for i := range 3 {
		allMissing.SetMissing(0, 0, i)
	}
	score := func(tab *Table, inds IndicatorList, opt Options) func() error {
		return func() error { _, err := Score(ctx, tab, inds, opt); return err }
	}
	coordinate := func(tab *Table, spec string, alpha []float64, opt Options) func() error {
		return func() error {
			var subs Subsystems
			if err := subs.UnmarshalText([]byte(spec)); err != nil {
				return err
			}
			_, err := Coordinate(ctx, tab, subs, alpha, opt)
			return err
		}
	}
	cases := []struct {
		name                   string
		run                    func() error
		param, indicator, city string
		year                   int
		reason                 string
	}{
		{"no variation", score(flat(), handIndicators, Options{}), "indicators", "B", "", 0, "no variation: every city-year has the value 7"},
		{"no variation, entropy undefined", score(flat(), handIndicators, Options{}), "indicators", "B", "", 0, "entropy are undefined"},
		{"no variation, equal weights too", score(flat(), handIndicators, Options{Method: Equal}), "indicators", "B", "", 0, "max - min = 0"},
		{"no variation in one year, per year", score(flatIn2012(), panelIndicators, Options{PerYear: true}), "indicators", "rd", "", 2012, "every city has the value 3"},
		{"negative shift, entropy", score(handTable(), handIndicators, Options{Shift: -0.01}), "shift", "", "", 0, "the entropy method takes p_ij = x'_ij / sum_i x'_ij as shares and ln p_ij, which need x'_ij >= 0"},
		{"negative shift, entropy-TOPSIS", score(handTable(), handIndicators, Options{Method: TOPSIS, Shift: -1}), "shift", "", "", 0, "-1 is negative"},
		{"negative shift, coupling", coordinate(handTable(), "x:A,B;y:D", nil, Options{Method: Equal, Shift: -0.5}), "shift", "", "", 0, "geometric mean of the subsystem indices U_k, which needs U_k >= 0"},
		{"non-finite shift", score(handTable(), handIndicators, Options{Shift: math.NaN()}), "shift", "", "", 0, "not a finite number"},
		{"unknown indicator", score(handTable(), IndicatorList{{Name: "A"}, {Name: "b"}}, Options{}), "indicators", "b", "", 0, `not a column of the table (did you mean "B"?)`},
		{"unknown indicator, near", score(syntheticPanel(5, 1), IndicatorList{{Name: "patnets"}}, Options{}), "indicators", "patnets", "", 0, `(did you mean "patents"?)`},
		{"unknown indicator, far", score(syntheticPanel(5, 1), IndicatorList{{Name: "tourism"}}, Options{}), "indicators", "tourism", "", 0, "the choices are rd, patents, firms"},
		{"unknown indicator in a subsystem", coordinate(syntheticPanel(5, 1), "inn:rd,patent;eco:gdp", nil, Options{}), "subsystems", "patent", "", 0, `did you mean "patents"?`},
		{"no indicators", score(handTable(), nil, Options{}), "indicators", "", "", 0, "no indicators"},
		{"one city", score(oneCity, IndicatorList{{Name: "A"}}, Options{}), "table", "", "", 0, "an index needs at least 2 cities, got 1"},
		{"one city after dropping", score(allMissing, IndicatorList{{Name: "A"}}, Options{Missing: MissingDrop}), "table", "", "", 0, "got 1 after dropping 3 with missing values"},
		{"alpha not summing to 1", coordinate(handTable(), "x:A,B;y:D", []float64{0.5, 0.6}, Options{}), "alpha", "", "", 0, "the shares 0.5, 0.6 sum to 1.1, not 1"},
		{"alpha of the wrong length", coordinate(handTable(), "x:A,B;y:D", []float64{1}, Options{}), "alpha", "", "", 0, "1 shares for 2 subsystems"},
		{"negative alpha", coordinate(handTable(), "x:A,B;y:D", []float64{1.5, -0.5}, Options{}), "alpha", "", "", 0, "share 2 is -0.5"},
		{"CRITIC with one indicator", score(handTable(), IndicatorList{{Name: "A"}}, Options{Method: CRITIC}), "indicators", "", "", 0, "CRITIC needs two or more indicators"},
		{"non-finite value", score(nonFinite, IndicatorList{{Name: "D"}}, Options{}), "table", "D", "c3", 0, "value +Inf is not a finite number; mark it missing instead"},
		{"ragged table", score(ragged, handIndicators, Options{}), "table", "B", "", 0, "3 values for 4 cities"},
		{"TOPSIS weighted by TOPSIS", score(handTable(), handIndicators, Options{Method: TOPSIS, TOPSISWeights: TOPSIS}), "TOPSIS weights", "", "", 0, "TOPSIS takes entropy, critic or equal weights"},
		{"unknown method number", score(handTable(), handIndicators, Options{Method: 9}), "method", "", "", 0, "no method numbered 9"},
		{"one subsystem", func() error {
			_, err := Coordinate(ctx, handTable(), Subsystems{{"x", handIndicators}}, nil, Options{})
			return err
		}, "subsystems", "", "", 0, "at least two subsystems, got 1"},
		{"negative U", func() error { _, err := CouplingDegree([]float64{0.5, -0.1}, nil); return err }, "subsystems", "", "", 0, "U_2 = -0.1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.run()
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v (%T), want *Error", err, err)
			}
			if e.Param != tc.param || e.Indicator != tc.indicator || e.City != tc.city || e.Year != tc.year {
				t.Errorf("error %q: param %q, indicator %q, city %q, year %d; want %q, %q, %q, %d", err, e.Param, e.Indicator, e.City, e.Year, tc.param, tc.indicator, tc.city, tc.year)
			}
			if !strings.Contains(e.Reason, tc.reason) {
				t.Errorf("reason %q does not say %q", e.Reason, tc.reason)
			}
			if strings.Contains(err.Error(), "--") {
				t.Errorf("message %q names a command-line flag", err)
			}
		})
	}
}

// TestMissingReported: without MissingDrop every missing cell is listed,
// in city, year, indicator order.
func TestMissingReported(t *testing.T) {
	tab := syntheticPanel(6, 2)
	tab.SetMissing(1, 4, 5) // gdp of C005 in 2012
	tab.SetMissing(0, 0, 2) // rd of C002 in 2011
	tab.SetMissing(1, 0, 2) // rd of C002 in 2012
	tab.SetMissing(0, 1, 3) // patents of C003, not used below
	_, err := Score(context.Background(), tab, IndicatorList{{Name: "rd"}, {Name: "gdp"}}, Options{})
	var me *MissingError
	if !errors.As(err, &me) {
		t.Fatalf("error %v, want *MissingError", err)
	}
	want := []Cell{{"C002", "rd", 2011}, {"C002", "rd", 2012}, {"C005", "gdp", 2012}}
	if len(me.Cells) != len(want) {
		t.Fatalf("missing cells %v, want %v", me.Cells, want)
	}
	for k := range want {
		if me.Cells[k] != want[k] {
			t.Errorf("missing cell %d = %v, want %v", k, me.Cells[k], want[k])
		}
	}
	const msg = "composite: table: 3 missing values (city/indicator/year): C002/rd/2011, C002/rd/2012, C005/gdp/2012; fill them in or drop those cities (missing policy \"drop\")"
	if err.Error() != msg {
		t.Errorf("message\n%s\nwant\n%s", err, msg)
	}
}

// TestErrorMessage: the message reads parameter, indicator, city, year,
// reason.
func TestErrorMessage(t *testing.T) {
	_, err := Score(context.Background(), handTable(), IndicatorList{{Name: "AA"}}, Options{})
	const want = `composite: indicators: indicator "AA": not a column of the table (did you mean "A"?)`
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// TestNearest: the suggestion is the closest name within reach, case
// ignored; nothing when every name is far.
func TestNearest(t *testing.T) {
	known := []string{"rd", "patents", "firms", "graduates", "专利"}
	for _, tc := range []struct{ in, want string }{
		{"patens", "patents"}, {"Patents", "patents"}, {"firm", "firms"}, {"graduate", "graduates"},
		{"专科", "专利"}, {"gdp", ""}, {"x", ""}, {"investment", ""},
	} {
		got, ok := nearest(tc.in, known)
		if ok != (tc.want != "") || got != tc.want && ok {
			t.Errorf("nearest(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}
