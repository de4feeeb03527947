package spatial

import (
	"math"
)

// decayTable is a decay as a function of the squared chord s = |p - q|^2
// between two unit vectors, tabulated once per pair sum as piecewise
// polynomials on uniform intervals, so that most pairs cost the squared
// chord, an index and a Horner of degree 5, where fastRow takes a square
// root, an arcsine and an exponential or a power. The distance is
// d = 2R asin(x/2), x = sqrt(s) the chord.
//
// The far table holds f itself in s, on [0, top). Away from s = 0 the
// decay is smooth in s: on an interval [s_a, s_a + w] with s_a >= K w a
// square root or a negative power of s changes by a fraction of 1/K, and
// a polynomial follows it closely once K is 32 (exp) or 64 (power; see
// nearIntervals). The first K
// intervals, where it would not, go to the near table:
//
//   - exp decay of scale lambda, F(x) = exp(-(2R/lambda) asin(x/2)) in the
//     chord x, smooth from 0, at the cost of a square root;
//   - power decay with a whole exponent b of 1 to 4,
//     d^-b = (R x)^-b A(s)^-b, A(s) = asin(x/2) / (x/2) an even series
//     in x and so smooth in s: the near table holds A(s)^-b and the pair
//     multiplies by (R x)^-b. The 1 km floor is kept as Decay.At keeps it:
//     below the squared chord of 1 km the decay is 1.
//
// The far table's K grows with the decay's slope: exp decay changes ln f
// by c/(4 x) per unit of s, c = 2R/lambda, so K is at least c^2 w/0.04 for
// a change of 0.05 across an interval at s_a = K w.
//
// Each interval's polynomial interpolates the decay, as Decay.row computes
// it, at the Chebyshev nodes of the interval. Both tables are checked when
// built, against Decay.row's formula at nine points of every interval they
// serve, endpoints included; a failing check widens the near range or
// doubles the intervals, and a decay whose tables cannot meet tableError
// within maxTableIntervals gets no table (fastRow sums it). Pairs beyond
// top (past 2^-500 of exp decay, or 130 degrees of arc) go to
// fastAt.
type decayTable struct {
	decay   Decay
	power   int       // the whole exponent of a power decay; 0 for exp
	far     piecewise // f in s
	farFrom int       // the first interval of far in use; below it, near
	near    piecewise // exp: F in x; power: A(s)^-b in s
	top     float64   // the squared chord at and beyond which pairs go to fastAt
	nearEnd float64   // the squared chord where far takes over from near
	sFloor  float64   // power: the squared chord of geom.MinDistance
	inv     float64   // power: R^-b
}

// piecewise is a function on uniform intervals of width 1/invWidth from 0,
// a polynomial of degree tableDegree on each.
type piecewise struct {
	invWidth float64
	coef     []tableFit
}

// tableDegree is the degree of each interval's polynomial.
const tableDegree = 5

// tableFit is one interval's coefficients, a[k] of t^k, t the position
// in the interval from 0 to 1, padded to 64 bytes so that an interval is
// one cache line (Go aligns large allocations to pages).
type tableFit [8]float64

// tableError bounds the relative error of the tables against Decay.row's
// own formula at every check point: 4e-13, two fifths of fastKernelError.
// Beside the fit (near 1e-14 at the interval counts chosen) it allows for
// the rounding of that formula itself, a few |ln f| 2^-53 of f, which the
// interpolation carries over: 2.1e-13 measured at ln f = -285 (exp:50
// across 130 degrees), and exp decay goes to fastAt from ln f = -347.
const tableError = 4e-13

// maxTableIntervals caps each table at 16384 intervals, 1 MB.
const maxTableIntervals = 1 << 14

// farIntervals is the far table's size to start from: 4096 intervals,
// 256 KB, which stays in the second-level cache (8192 and 16384 were no
// faster on the delta's box, measured).
const farIntervals = 1 << 12

// tableTopHalfChord is the largest half chord tabulated: 0.9, 130 degrees
// of arc. Beyond it the arcsine's slope grows without bound towards the
// antipode and the pairs go to fastAt.
const tableTopHalfChord = 0.9

// newDecayTable tabulates decay for chords up to maxChord, or returns nil
// when the decay has no table (a power that is not whole, 1 to 4) or the
// checks fail within maxTableIntervals.
func newDecayTable(decay Decay, maxChord float64) *decayTable {
	t := &decayTable{decay: decay}
	top := min(maxChord, 2*tableTopHalfChord)
	var c float64 // exp: 2R/lambda
	switch {
	case decay.Kind == "exp":
		c = 2 * EarthRadius / decay.Scale
		// Stop at 2^-500, an exponent of 347: beyond it the rounding of
		// Decay.row's own formula, carried into the fit, nears tableError.
		top = min(top, 2*math.Sin(min(500*math.Ln2/c, math.Pi/2)))
	case decay.Kind == "power" && (decay.Scale == 1 || decay.Scale == 2 || decay.Scale == 3 || decay.Scale == 4):
		t.power = int(decay.Scale)
		x1 := chord(1)
		t.sFloor = x1 * x1
		t.inv = math.Pow(EarthRadius, -decay.Scale)
	default:
		return nil
	}
	if !(top > 0) {
		return nil
	}
	t.top = top * top
	for n := farIntervals; n <= maxTableIntervals; n *= 2 {
		w := t.top / float64(n)
		t.farFrom = min(n, max(nearIntervals(t.power), int(math.Ceil(c*c*w/0.04))))
		t.far = fitPiecewise(n, t.top, t.exact)
		for t.farFrom < n {
			worst := t.farErrors()
			if worst < 0 {
				break
			}
			t.farFrom = worst + 1 + (worst+1)/4
		}
		if t.farFrom < n/2 && t.fitNear() {
			return t
		}
	}
	return nil
}

// nearIntervals is the least number of far intervals left to the near
// table: a square root across [K w, (K+1) w] is followed within 1e-15 or
// so by degree 5 from K = 32; a negative power of s, which changes
// faster, within 1e-14 from K = 64 (at K = 32, 1e-13: checked either way,
// but the fit's own error is kept well under tableError).
func nearIntervals(power int) int {
	if power == 0 {
		return 32
	}
	return 64
}

// fitNear fits the near table over [0, farFrom w) and reports whether it
// meets tableError.
func (t *decayTable) fitNear() bool {
	t.nearEnd = float64(t.farFrom) / t.far.invWidth
	end := t.nearEnd
	g := t.nearTabulated
	var slope float64
	if t.power == 0 {
		end = math.Sqrt(end)
		slope = EarthRadius / t.decay.Scale / math.Sqrt(1-end*end/4)
	} else {
		slope = t.decay.Scale / (1 - end/4)
	}
	for n := max(1, int(math.Ceil(slope*end/0.05))); n <= maxTableIntervals; n *= 2 {
		t.near = fitPiecewise(n, end, g)
		if t.nearError() <= tableError {
			return true
		}
	}
	return false
}

// exact is the decay at squared chord s by Decay.row's formula.
func (t *decayTable) exact(s float64) float64 {
	return t.decay.At(2 * EarthRadius * asin(math.Sqrt(s)/2))
}

// nearTabulated is the function the near table holds at a value v of its
// variable, by Decay.row's formula: exp(-d/lambda) at chord v, or
// (R x / d)^b at squared chord v, d = 2R asin(x/2).
func (t *decayTable) nearTabulated(v float64) float64 {
	if t.power == 0 {
		return t.decay.At(2 * EarthRadius * asin(v/2))
	}
	h := math.Sqrt(v) / 2
	if h == 0 {
		return 1
	}
	return math.Pow(asin(h)/h, -t.decay.Scale)
}

// fitPiecewise interpolates g on n uniform intervals of [0, end).
func fitPiecewise(n int, end float64, g func(float64) float64) piecewise {
	p := piecewise{invWidth: float64(n) / end, coef: make([]tableFit, n)}
	for i := range p.coef {
		p.coef[i] = p.fit(i, g)
	}
	return p
}

// fit interpolates g on interval i at the Chebyshev nodes
// y_j = cos(pi (j + 1/2) / n), n = tableDegree + 1, of y = 2t - 1, and returns
// the polynomial's coefficients in t.
func (p *piecewise) fit(i int, g func(float64) float64) tableFit {
	const n = tableDegree + 1
	var at [n]float64
	for j := range at {
		y := math.Cos(math.Pi * (float64(j) + 0.5) / n)
		at[j] = g((float64(i) + (1+y)/2) / p.invWidth)
	}
	// Chebyshev coefficients c_k = (2/n) sum_j g_j T_k(y_j), c_0 halved.
	var cheb [n]float64
	for k := range cheb {
		for j := range at {
			cheb[k] += at[j] * math.Cos(float64(k)*math.Pi*(float64(j)+0.5)/n)
		}
		cheb[k] *= 2.0 / n
	}
	cheb[0] /= 2
	// Monomials of T_k by T_{k+1} = 2y T_k - T_{k-1}, summed in y, then
	// y = 2t - 1.
	var a tableFit
	prev, cur := tableFit{1}, tableFit{0, 1}
	a[0] = cheb[0]
	for k := 1; k < n; k++ {
		for m := range a {
			a[m] += cheb[k] * cur[m]
		}
		var next tableFit
		for m := range next {
			if m > 0 {
				next[m] = 2 * cur[m-1]
			}
			next[m] -= prev[m]
		}
		prev, cur = cur, next
	}
	return a.shifted()
}

// shifted is the polynomial a(y) as a polynomial in t, y = 2t - 1, by
// Horner's rule on polynomials: b = b (2t - 1) + a_k from the top.
func (a tableFit) shifted() tableFit {
	var b tableFit
	for k := tableDegree; k >= 0; k-- {
		var next tableFit
		for m := range tableDegree + 1 {
			next[m] = -b[m]
			if m > 0 {
				next[m] += 2 * b[m-1]
			}
		}
		next[0] += a[k]
		b = next
	}
	return b
}

// checkPoints calls check at nine points of interval i, endpoints included.
func (p *piecewise) checkPoints(i int, check func(v float64)) {
	for j := 0; j <= 8; j++ {
		check((float64(i) + float64(j)/8) / p.invWidth)
	}
}

// relErr is |got - want| / want, 0 where want is 0.
func relErr(got, want float64) float64 {
	if want == 0 {
		return 0
	}
	return math.Abs(got-want) / want
}

// farErrors returns the last interval of far in use whose check fails,
// or -1.
func (t *decayTable) farErrors() int {
	last := -1
	for i := t.farFrom; i < len(t.far.coef); i++ {
		t.far.checkPoints(i, func(s float64) {
			if s < t.top && relErr(t.at(s), t.exact(s)) > tableError {
				last = i
			}
		})
	}
	return last
}

// nearError is the largest relative error of the pairs the near table
// serves, at its check points.
func (t *decayTable) nearError() float64 {
	var worst float64
	for i := range t.near.coef {
		t.near.checkPoints(i, func(v float64) {
			s := v
			if t.power == 0 {
				s = v * v
			}
			if t.power > 0 && s < t.sFloor {
				return
			}
			worst = max(worst, relErr(t.nearAt(s), t.exact(s)))
		})
	}
	return worst
}

// horner is the polynomial at t.
func (a *tableFit) horner(t float64) float64 {
	return a[0] + t*(a[1]+t*(a[2]+t*(a[3]+t*(a[4]+t*a[5]))))
}

// at is the decay at squared chord s, as the rows compute it.
func (t *decayTable) at(s float64) float64 {
	u := s * t.far.invWidth
	i := int(u)
	if uint(i-t.farFrom) < uint(len(t.far.coef)-t.farFrom) {
		return t.far.coef[i].horner(u - float64(i))
	}
	return t.nearAt(s)
}

// nearAt is the decay at squared chord s below the far table's range (by
// the near table) or beyond it (by fastAt).
func (t *decayTable) nearAt(s float64) float64 {
	if t.power > 0 && s < t.sFloor {
		return 1
	}
	if !(s < t.nearEnd) {
		return t.decay.fastAt(s)
	}
	x := math.Sqrt(s)
	v := x
	if t.power > 0 {
		v = s
	}
	u := v * t.near.invWidth
	i := min(int(u), len(t.near.coef)-1) // the far table's first s may round onto the near table's end
	p := t.near.coef[i].horner(u - float64(i))
	switch t.power {
	case 0:
		return p
	case 1:
		return p * t.inv / x
	case 2:
		return p * t.inv / s
	case 3:
		return p * t.inv / (s * x)
	}
	return p * t.inv / (s * s)
}

// fastAt is fastRow's decay at squared chord s, for the pairs beyond the
// tables.
func (d Decay) fastAt(s float64) float64 {
	f := [1]float64{2 * EarthRadius * asin(math.Sqrt(s)/2)}
	d.decayKm(f[:])
	return f[0]
}

// row sets f[k] to the decay from p to q[k]: the squared chords first,
// then the tables in a pass of their own, whose iterations are independent
// so that the processor overlaps them.
func (t *decayTable) row(f []float64, p [3]float64, q [][3]float64) {
	q = q[:len(f)]
	for k := range f {
		dx, dy, dz := p[0]-q[k][0], p[1]-q[k][1], p[2]-q[k][2]
		f[k] = dx*dx + dy*dy + dz*dz
	}
	// The far intervals in use from 0, so that the index needs one check.
	coef, inv, from := t.far.coef[t.farFrom:], t.far.invWidth, t.farFrom
	for k, s := range f {
		u := s * inv
		j := int(u)
		if i := j - from; uint(i) < uint(len(coef)) {
			f[k] = coef[i].horner(u - float64(j))
			continue
		}
		f[k] = t.nearAt(s)
	}
}

// maxChord bounds the chord between any two of the unit vectors p: the
// diagonal of their bounding box, at most 2.
func maxChord(p [][3]float64) float64 {
	if len(p) == 0 {
		return 0
	}
	lo, hi := p[0], p[0]
	for _, v := range p {
		for ax := range 3 {
			lo[ax], hi[ax] = min(lo[ax], v[ax]), max(hi[ax], v[ax])
		}
	}
	var d2 float64
	for ax := range 3 {
		d2 += (hi[ax] - lo[ax]) * (hi[ax] - lo[ax])
	}
	return min(math.Sqrt(d2)*(1+1e-12), 2)
}
