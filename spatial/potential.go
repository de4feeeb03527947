package spatial

import (
	"collab/geom"
	"collab/param"
	"context"
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
	var d Decay
	err := d.UnmarshalText([]byte(s))
	return d, err
}

// UnmarshalText implements encoding.TextUnmarshaler, as ParseDecay.
func (d *Decay) UnmarshalText(text []byte) error {
	s := string(text)
	kind, arg, ok := strings.Cut(s, ":")
	v, err := strconv.ParseFloat(arg, 64)
	if !ok || err != nil || (kind != "exp" && kind != "power") || !(v > 0) || v > 1e6 {
		return param.Quotedf("decay", s, "write exp:KM (exponential, e.g. exp:100) or power:B (power, e.g. power:2), with a positive number")
	}
	*d = Decay{Kind: kind, Scale: v}
	return nil
}

func (d Decay) String() string {
	return d.Kind + ":" + strconv.FormatFloat(d.Scale, 'g', -1, 64)
}

// MarshalText writes the decay as it is given on the command line.
func (d Decay) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// At returns f(km).
func (d Decay) At(km float64) float64 {
	if d.Kind == "power" {
		return math.Pow(max(km, geom.MinDistance), -d.Scale)
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
// scores s. It visits every pair once, O(n^2) time on all cores and O(n)
// memory per core, adding each pair's part to both cities; rows are summed
// in fixed blocks merged in block order, so the result does not depend on
// the number of cores. ctx is checked between rows.
func Potential(ctx context.Context, points []geom.Point, s []float64, decay Decay) (Spillover, error) {
	n := len(s)
	unit := make([][3]float64, n)
	for i := range unit {
		unit[i] = unitVector(points[i])
	}
	bounds := pairBlocks(n, min(n, potentialBlocks))
	total := newSpillTally(n)
	err := parallel.Blocks(ctx, len(bounds)-1, func() *spillTally { return newSpillTally(n) },
		func(b int, t *spillTally) {
			t.clear()
			f := make([]float64, n) // the decay from row i to each j > i
			for i := bounds[b]; i < bounds[b+1]; i++ {
				if i%cancelCheck == 0 && ctx.Err() != nil {
					return
				}
				decay.row(f[i+1:], unit[i], unit[i+1:])
				t.addRow(i, f[i+1:], s)
			}
		},
		func(_ int, t *spillTally) { total.add(t) })
	if err != nil {
		return Spillover{}, err
	}
	sp := Spillover{Received: total.received, Emitted: make([]float64, n), MainSource: make([]int, n), MainShare: make([]float64, n)}
	for i := range n {
		sp.Emitted[i] = s[i] * total.reach[i]
		sp.MainSource[i] = int(total.source[i])
		if total.received[i] > 0 {
			sp.MainShare[i] = total.best[i] / total.received[i]
		}
	}
	return sp, nil
}

// potentialBlocks is the number of row blocks Potential sums separately.
const potentialBlocks = 256

// pairBlocks splits the rows 0..n-1 of the pairs i < j into blocks of
// about equal numbers of pairs (row i has n-1-i): block b is rows
// bounds[b] to bounds[b+1].
func pairBlocks(n, blocks int) []int {
	bounds := []int{0}
	per := float64(n) * float64(n-1) / 2 / float64(max(blocks, 1))
	var pairs float64
	for i := range n {
		pairs += float64(n - 1 - i)
		if pairs >= per*float64(len(bounds)) && len(bounds) < blocks {
			bounds = append(bounds, i+1)
		}
	}
	if bounds[len(bounds)-1] != n {
		bounds = append(bounds, n)
	}
	return bounds
}

// spillTally is what a block of pairs sends each city: the spillover
// received, the decay summed over the pairs (its reach), and its largest
// single sender.
type spillTally struct {
	received, reach, best []float64
	source                []int32
}

func newSpillTally(n int) *spillTally {
	t := &spillTally{received: make([]float64, n), reach: make([]float64, n), best: make([]float64, n), source: make([]int32, n)}
	for i := range t.source {
		t.source[i] = -1
	}
	return t
}

func (t *spillTally) clear() {
	clear(t.received)
	clear(t.reach)
	clear(t.best)
	for i := range t.source {
		t.source[i] = -1
	}
}

// row sets f[k] to the decay over the distance from p to q[k]: the
// distances first, then the decay in a pass of its own (see arcsKm).
func (d Decay) row(f []float64, p [3]float64, q [][3]float64) {
	arcsKm(f, p, q)
	if d.Kind == "power" {
		for k, km := range f {
			f[k] = math.Pow(max(km, geom.MinDistance), -d.Scale)
		}
		return
	}
	for k, km := range f {
		f[k] = math.Exp(-km / d.Scale)
	}
}

// addRow adds the pairs of city i with every j > i, f[j-i-1] their decay:
// each sends the other its score times the decay.
func (t *spillTally) addRow(i int, f []float64, s []float64) {
	base := i + 1
	for k, x := range f {
		j := base + k
		t.reach[i] += x
		t.reach[j] += x
		t.offer(i, j, s[j]*x)
		t.offer(j, i, s[i]*x)
	}
}

// offer records that city j sends x to city i.
func (t *spillTally) offer(i, j int, x float64) {
	if x <= 0 {
		return
	}
	t.received[i] += x
	if x > t.best[i] || (x == t.best[i] && int32(j) < t.source[i]) {
		t.best[i], t.source[i] = x, int32(j)
	}
}

// add adds block u's sums to t; the largest sender is kept, ties to the
// lower index.
func (t *spillTally) add(u *spillTally) {
	for i := range t.received {
		t.received[i] += u.received[i]
		t.reach[i] += u.reach[i]
		if u.source[i] >= 0 && (u.best[i] > t.best[i] || (u.best[i] == t.best[i] && (t.source[i] < 0 || u.source[i] < t.source[i]))) {
			t.best[i], t.source[i] = u.best[i], u.source[i]
		}
	}
}
