package main

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"collab/composite"
)

// TestIndexWeightsCSV: index --weights-out writes the weight table that
// composite.Score computes on the same values (typed in, indexTable),
// exactly (the shortest decimals read back to the same float64s): pooled
// entropy weights with their entropies and divergences, and CRITIC
// weights per year with their standard deviations, conflicts and
// information, the other method's columns empty; written with --out in
// one batch, and refused when empty or when it is the --out file.
func TestIndexWeightsCSV(t *testing.T) {
	inds := composite.IndicatorList{{Name: "rd"}, {Name: "pat"}, {Name: "energy", LessIsBetter: true}}
	for _, c := range []struct {
		flags []string
		opt   composite.Options
	}{
		{nil, composite.Options{}},
		{[]string{"--method", "critic", "--per-year"}, composite.Options{Method: composite.CRITIC, PerYear: true}},
	} {
		want, err := composite.Score(context.Background(), indexTable("rd", "pat", "energy"), inds, c.opt)
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		weights, scored := filepath.Join(dir, "weights.csv"), filepath.Join(dir, "scored.json")
		args := append([]string{"index", "testdata/index-panel.csv", "--indicators", "rd,pat,-energy", "--weights-out", weights, "--out", scored}, c.flags...)
		_, stderr, code := invoke(t, "", args...)
		if code != 0 || stderr != "collab: wrote "+scored+", "+weights+"\n" {
			t.Fatalf("%v: exit %d: %q", c.flags, code, stderr)
		}
		f, err := os.Open(weights)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(rows[0], ",") != "method,year,indicator,direction,weight,entropy,divergence,std_dev,conflict,information" {
			t.Errorf("header %v", rows[0])
		}
		if len(rows) != 1+len(want.Weights)*len(inds) {
			t.Fatalf("%v: %d rows, want %d", c.flags, len(rows)-1, len(want.Weights)*len(inds))
		}
		for k, wt := range want.Weights {
			for j, ind := range inds {
				row := rows[1+k*len(inds)+j]
				year := ""
				if wt.Year != 0 {
					year = strconv.Itoa(wt.Year)
				}
				direction := map[bool]string{false: "more is better", true: "less is better"}[ind.LessIsBetter]
				if row[0] != want.Method.String() || row[1] != year || row[2] != ind.Name || row[3] != direction {
					t.Errorf("%v: row %v, want %s %q %s %s", c.flags, row, want.Method, year, ind.Name, direction)
				}
				for col, measure := range [][]float64{wt.Weight, wt.Entropy, wt.Divergence, wt.StdDev, wt.Conflict, wt.Information} {
					cell := row[4+col]
					if measure == nil {
						if cell != "" {
							t.Errorf("%v: %s %s = %q, want empty", c.flags, ind.Name, rows[0][4+col], cell)
						}
						continue
					}
					if got, err := strconv.ParseFloat(cell, 64); err != nil || got != measure[j] {
						t.Errorf("%v: %s %s = %q, composite.Score %v", c.flags, ind.Name, rows[0][4+col], cell, measure[j])
					}
				}
			}
		}
	}
	same := filepath.Join(t.TempDir(), "both.csv")
	if _, stderr, code := invoke(t, "", "index", "testdata/index-panel.csv", "--indicators", "rd,pat", "--weights-out", same, "--out", same); code != 2 || !strings.Contains(stderr, "is asked for twice") {
		t.Errorf("--weights-out = --out: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(same); err == nil {
		t.Error("a refused run wrote a file")
	}
}
