package analysis

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestSweepSample: on the sample, Hangzhou and Ningbo (141 km apart) join
// at 150 km, Wenzhou (225 km from Ningbo) at 225 km, and Hefei (over 300 km
// from every strong city outside the belt) only at 350 km; the belt holds
// throughout.
func TestSweepSample(t *testing.T) {
	sw, err := RunSweep(context.Background(), sample(t), DefaultParameters(), "sector-km", 100, 400, 25)
	if err != nil {
		t.Fatal(err)
	}
	if len(sw.Rows) != 13 || sw.Rows[0].Value != 100 || sw.Rows[12].Value != 400 {
		t.Fatalf("%d rows from %v to %v, want 13 from 100 to 400", len(sw.Rows), sw.Rows[0].Value, sw.Rows[len(sw.Rows)-1].Value)
	}
	summary := func(r SweepRow) string {
		var sectors []string
		for _, s := range r.Sectors {
			var names []string
			for _, id := range s.Cities {
				names = append(names, sw.Names[id])
			}
			sectors = append(sectors, strings.Join(names, "+"))
		}
		var hubs []string
		for _, h := range r.IsolatedHubs {
			hubs = append(hubs, sw.Names[h.ID])
		}
		return strings.Join(sectors, ";") + " | " + strings.Join(hubs, ",")
	}
	for value, want := range map[float64]string{
		100: " | Hangzhou,Ningbo,Hefei,Wenzhou",
		150: "Hangzhou+Ningbo | Hefei,Wenzhou",
		250: "Hangzhou+Ningbo+Wenzhou | Hefei",
		350: "Hangzhou+Ningbo+Hefei+Wenzhou | ",
	} {
		row := sw.Rows[int((value-100)/25)]
		if got := summary(row); got != want {
			t.Errorf("sector-km %v: %q, want %q", value, got, want)
		}
		if len(row.Belts) != 1 || len(row.Belts[0].Cities) != 5 {
			t.Errorf("sector-km %v: belts %+v, want the five-city belt", value, row.Belts)
		}
	}
}

func TestSweepErrors(t *testing.T) {
	ds := sample(t)
	var perr *ParameterError
	for _, c := range []struct {
		param          string
		from, to, step float64
		want           string
	}{
		{"beta", 1, 2, 1, `param "beta": choose sector-km, decay-km, knn, band-km`},
		{"knn", 2, 3, 0.5, "param knn: 2.5 is not a whole number"},
		{"knn", 40, 41, 1, "K can be at most 40"},
		{"sector-km", 400, 100, 25, "need from <= to"},
		{"sector-km", 100, 400, 0, "step > 0"},
		{"sector-km", 0, 1e9, 1, "at most 1000 steps"},
		{"sector-km", -10, 0, 5, "sector-km -10"},
	} {
		_, err := RunSweep(context.Background(), ds, DefaultParameters(), c.param, c.from, c.to, c.step)
		if !errors.As(err, &perr) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("sweep %s %v..%v/%v: %v, want %q", c.param, c.from, c.to, c.step, err, c.want)
		}
	}
}

// TestSweepWeights: with k-nearest-neighbour weights the belt depends on K,
// the knife-edge the sweep exists to show. Up to K = 3 it is Shanghai -
// Suzhou - Wuxi - Changzhou: Nanjing, 113 km from Changzhou, is not among
// the three nearest cities of either (haversine: Nanjing's are Ma'anshan 49,
// Chuzhou 50 and Zhenjiang 65 km; Changzhou's Wuxi 41, Zhenjiang 66 and
// Taizhou 75 km). At K = 6 Nanjing and Hangzhou join it.
func TestSweepWeights(t *testing.T) {
	sw, err := RunSweep(context.Background(), sample(t), DefaultParameters(), "knn", 1, 6, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(sw.Rows) != 6 {
		t.Fatalf("%d rows, want 6", len(sw.Rows))
	}
	members := func(row SweepRow) []string {
		var names []string
		for _, b := range row.Belts {
			for _, id := range b.Members {
				names = append(names, sw.Names[id])
			}
		}
		return names
	}
	for k := 1; k <= 3; k++ {
		if got := members(sw.Rows[k-1]); !slices.Equal(got, []string{"Shanghai", "Suzhou (Jiangsu)", "Wuxi", "Changzhou"}) {
			t.Errorf("knn:%d belt members %v", k, got)
		}
	}
	if got := members(sw.Rows[5]); !slices.Contains(got, "Nanjing") || !slices.Contains(got, "Hangzhou") {
		t.Errorf("knn:6 belt members %v, want Nanjing and Hangzhou among them", got)
	}
	if _, err := RunSweep(context.Background(), sample(t), DefaultParameters(), "band-km", 50, 150, 50); err != nil {
		t.Error(err)
	}
}
