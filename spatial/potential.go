package spatial

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"collab/internal/parallel"
)

// Decay is a distance-decay function f(d) for d in km: exponential,
// f(d) = exp(-d/Scale), or power, f(d) = max(d, 1)^-Scale (the distance
// floored at 1 km, as in the gravity model, so that co-located cities stay
// finite).
type Decay struct {
	Kind  string // "exp" or "power"
	Scale float64
}

// DefaultDecay is exponential decay over 100 km: a city 100 km away counts
// e^-1 = 37% of its score, one 300 km away 5%.
var DefaultDecay = Decay{Kind: "exp", Scale: 100}

// ParseDecay reads "exp:100" (lambda in km) or "power:2" (the exponent).
func ParseDecay(s string) (Decay, error) {
	kind, param, ok := strings.Cut(s, ":")
	v, err := strconv.ParseFloat(param, 64)
	if !ok || err != nil || (kind != "exp" && kind != "power") || !(v > 0) || v > 1e6 {
		return Decay{}, fmt.Errorf("decay %q: write exp:KM (exponential, e.g. exp:100) or power:B (power, e.g. power:2), with a positive number", s)
	}
	return Decay{Kind: kind, Scale: v}, nil
}

func (d Decay) String() string {
	return d.Kind + ":" + strconv.FormatFloat(d.Scale, 'g', -1, 64)
}

// MarshalText writes the decay as it is given on the command line.
func (d Decay) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// At returns f(km).
func (d Decay) At(km float64) float64 {
	if d.Kind == "power" {
		return math.Pow(max(km, 1), -d.Scale)
	}
	return math.Exp(-km / d.Scale)
}

// Spillover is what each city receives from and sends to the others under
// a distance decay: the innovation potential (Harris 1954; Hansen 1959)
//
//	P_i = sum_{j != i} s_j f(d_ij),
//
// the spillover a city emits, E_j = s_j sum_{i != j} f(d_ij), and for each
// city the source sending it the most, argmax_j s_j f(d_ij), with that
// source's share of P_i.
type Spillover struct {
	Received   []float64 // P_i
	Emitted    []float64 // E_i
	MainSource []int     // index of the largest sender; -1 when nothing is received
	MainShare  []float64 // that sender's share of Received
}

// Potential computes the spillover among cities at lat, lon (degrees) with
// scores s. It visits every pair, O(n^2) time on all cores and O(n)
// memory; each city's sums run over the others in index order, so the
// result does not depend on the number of cores.
func Potential(lat, lon, s []float64, decay Decay) Spillover {
	n := len(s)
	sp := Spillover{Received: make([]float64, n), Emitted: make([]float64, n), MainSource: make([]int, n), MainShare: make([]float64, n)}
	parallel.For(n, func(i int) {
		main, best := -1, 0.0
		var received, reach float64
		for j := 0; j < n; j++ {
			if j == i {
				continue
			}
			f := decay.At(Haversine(lat[i], lon[i], lat[j], lon[j]))
			reach += f // f is symmetric: what i would send to j per unit of score
			if x := s[j] * f; x > 0 {
				received += x
				if x > best {
					main, best = j, x
				}
			}
		}
		sp.Received[i] = received
		sp.Emitted[i] = s[i] * reach
		sp.MainSource[i] = main
		if received > 0 {
			sp.MainShare[i] = best / received
		}
	})
	return sp
}
