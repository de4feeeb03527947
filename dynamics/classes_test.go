package dynamics

import (
	"encoding/json"
	"testing"
)

// TestSchemeText: every valid spelling round-trips through
// UnmarshalText/MarshalText and JSON; invalid ones are errors naming what
// is wrong.
func TestSchemeText(t *testing.T) {
	for _, tc := range []struct {
		text string
		want Scheme
	}{
		{"tiers", Scheme{Kind: Tiers}},
		{"quantile:5", Scheme{Kind: Quantile, K: 5}},
		{"pooled:2", Scheme{Kind: Pooled, K: 2}},
		{"quantile:12", Scheme{Kind: Quantile, K: 12}},
	} {
		var s Scheme
		if err := s.UnmarshalText([]byte(tc.text)); err != nil || s != tc.want {
			t.Errorf("UnmarshalText(%q) = %+v, %v; want %+v", tc.text, s, err, tc.want)
		}
		b, err := s.MarshalText()
		if err != nil || string(b) != tc.text {
			t.Errorf("MarshalText(%+v) = %q, %v; want %q", s, b, err, tc.text)
		}
		var v struct{ Classes Scheme }
		if err := json.Unmarshal([]byte(`{"Classes":"`+tc.text+`"}`), &v); err != nil || v.Classes != tc.want {
			t.Errorf("JSON %q: %+v, %v", tc.text, v.Classes, err)
		}
		out, _ := json.Marshal(v)
		if string(out) != `{"Classes":"`+tc.text+`"}` {
			t.Errorf("JSON of %+v: %s", v, out)
		}
	}
	for _, bad := range []string{"", "tier", "quantile", "quantile:", "quantile:1", "quantile:0", "pooled:-3", "pooled:+3", "quantile:05", "quantile:5x", "jenks:5", "Tiers", "pooled:99999999999999999999"} {
		var s Scheme
		if err := s.UnmarshalText([]byte(bad)); err == nil {
			t.Errorf("UnmarshalText(%q) = %+v, want an error", bad, s)
		}
	}
	if _, err := (Scheme{Kind: Quantile, K: 1}).MarshalText(); err == nil {
		t.Error("MarshalText of quantile:1: no error")
	}
	if _, err := (Scheme{Kind: 9}).MarshalText(); err == nil {
		t.Error("MarshalText of an unknown kind: no error")
	}
}

// TestQuantileBinsEdges: mapclassify puts a value equal to a bound in the
// lower class; with 10 values 1..10 and k = 4 the bounds are at positions
// 2.25, 4.5, 6.75, 9 (values 3.25, 5.5, 7.75, 10); with 9 values 1..9 and k =
// 4 they fall on data (3, 5, 7, 9), which then belong to the class below.
func TestQuantileBinsEdges(t *testing.T) {
	ten := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	checkVector(t, "1..10", QuantileBins(ten, 4), []float64{3.25, 5.5, 7.75, 10}, 1e-15)
	nine := ten[:9]
	bins := QuantileBins(nine, 4)
	checkVector(t, "1..9", bins, []float64{3, 5, 7, 9}, 0)
	got := labels(nine, bins)
	want := []int{0, 0, 0, 1, 1, 2, 2, 3, 3}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("class of %v = %d, want %d", nine[i], got[i], want[i])
		}
	}
	// One value: every bound is that value, one class.
	checkVector(t, "single", QuantileBins([]float64{7}, 5), []float64{7}, 0)
}
