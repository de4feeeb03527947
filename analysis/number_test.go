package analysis

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"
)

// TestNumberWritesAsEncodingJSON checks Number's own formatting against
// encoding/json's float64 encoder, byte for byte, on the edges of its
// exponent rule and on random numbers of every magnitude.
func TestNumberWritesAsEncodingJSON(t *testing.T) {
	cases := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1e-6, 9.99999e-7, 1e-7, -1e-7, 1.5e-10,
		1e20, 1e21, 9.999999999999999e20, 123456789012345678901234.0, 5e-324, math.MaxFloat64,
		-math.MaxFloat64, 1e-100, 2.5e+100, 0.000123, 1.0 / 3}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		cases = append(cases, math.Float64frombits(r.Uint64()))
	}
	for _, f := range cases {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		want, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Number(f).MarshalJSON()
		if err != nil || string(got) != string(want) {
			t.Fatalf("Number(%v) = %s, %v; encoding/json writes %s", f, got, err, want)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if got, _ := Number(f).MarshalJSON(); string(got) != "null" {
			t.Errorf("Number(%v) = %s, want null", f, got)
		}
	}
}
