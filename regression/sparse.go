package regression

import (
	"context"
	"math"
	"runtime"
	"slices"
	"sync"

	"gonum.org/v1/gonum/mat"
)

// envelope is a symmetric sparse matrix, or its Cholesky factor, in
// envelope (profile) storage under a bandwidth-reducing order: row i holds
// the entries from column first[i] to the diagonal. Cholesky creates no
// fill outside the envelope (George and Liu 1981), so factoring costs
// O(sum_i (i - first[i])^2) and a solve O(entries).
type envelope struct {
	n     int
	first []int // first[i]: column of row i's first stored entry
	start []int // row i is val[start[i] : start[i]+i-first[i]+1]
	val   []float64
}

// at returns a pointer to entry (i, j), first[i] <= j <= i.
func (e *envelope) row(i int) []float64 {
	return e.val[e.start[i] : e.start[i]+i-e.first[i]+1]
}

// symSystem is I - rho S for the symmetric S = D^1/2 W D^-1/2, permuted by
// a reverse Cuthill-McKee order: the sparse route to the log-determinant
// and the inverse when W is similar to a symmetric matrix.
type symSystem struct {
	n     int
	perm  []int // perm[k]: city at position k
	pos   []int // pos[city]: position
	rowsJ [][]int
	rowsV [][]float64 // S in permuted positions, lower triangle (j < i)
	d     []float64   // the diagonal similarity D
	shape envelope    // the envelope pattern, values unset
}

// newSymSystem builds the permuted lower triangle of S and its envelope.
func newSymSystem(p *problem, d []float64) *symSystem {
	n := p.n
	ss := &symSystem{n: n, d: d, rowsJ: make([][]int, n), rowsV: make([][]float64, n)}
	ss.perm = reverseCuthillMcKee(p)
	ss.pos = make([]int, n)
	for k, c := range ss.perm {
		ss.pos[c] = k
	}
	first := make([]int, n)
	for k, c := range ss.perm {
		first[k] = k
		nb, wt := p.w.Row(c)
		for t, j := range nb {
			pj := ss.pos[j]
			if pj < k {
				ss.rowsJ[k] = append(ss.rowsJ[k], pj)
				ss.rowsV[k] = append(ss.rowsV[k], wt[t]*math.Sqrt(d[c]/d[j]))
				first[k] = min(first[k], pj)
			}
		}
	}
	start := make([]int, n+1)
	for i := range n {
		start[i+1] = start[i] + i - first[i] + 1
	}
	ss.shape = envelope{n: n, first: first, start: start}
	return ss
}

// factor returns the Cholesky factor L of I - rho S, or false when the
// matrix is not positive definite (rho outside the interval).
func (ss *symSystem) factor(rho float64) (*envelope, bool) {
	l := ss.shape
	l.val = make([]float64, l.start[ss.n])
	for i := range ss.n {
		r := l.row(i)
		r[len(r)-1] = 1
		for t, j := range ss.rowsJ[i] {
			r[j-l.first[i]] = -rho * ss.rowsV[i][t]
		}
	}
	for i := range ss.n {
		fi := l.first[i]
		ri := l.row(i)
		for j := fi; j < i; j++ {
			fj := l.first[j]
			rj := l.row(j)
			lo := max(fi, fj)
			s := ri[j-fi]
			a, b := ri[lo-fi:j-fi], rj[lo-fj:j-fj]
			for k := range a {
				s -= a[k] * b[k]
			}
			ri[j-fi] = s / rj[len(rj)-1]
		}
		s := ri[i-fi]
		for _, v := range ri[:i-fi] {
			s -= v * v
		}
		if !(s > 0) {
			return nil, false
		}
		ri[i-fi] = math.Sqrt(s)
	}
	return &l, true
}

// logDet returns log|I - rho S| = 2 sum log l_ii, or -Inf when I - rho S
// is not positive definite.
func (ss *symSystem) logDet(rho float64) float64 {
	l, ok := ss.factor(rho)
	if !ok {
		return math.Inf(-1)
	}
	var s float64
	for i := range ss.n {
		r := l.row(i)
		s += math.Log(r[len(r)-1])
	}
	return 2 * s
}

// solveInPlace overwrites b with (L L')^-1 b; b is zero before index from.
func (l *envelope) solveInPlace(b []float64, from int) {
	for i := from; i < l.n; i++ { // L y = b
		fi := l.first[i]
		r := l.row(i)
		lo := max(fi, from)
		s := b[i]
		a, y := r[lo-fi:i-fi], b[lo:i]
		for k := range a {
			s -= a[k] * y[k]
		}
		b[i] = s / r[i-fi]
	}
	for i := l.n - 1; i >= 0; i-- { // L' x = y, column-oriented
		fi := l.first[i]
		r := l.row(i)
		b[i] /= r[i-fi]
		xi := b[i]
		a, y := r[:i-fi], b[fi:i]
		for k := range a {
			y[k] -= a[k] * xi
		}
	}
}

// inverse returns the dense (I - rho W)^-1 = D^-1/2 (I - rho S)^-1 D^1/2,
// one envelope solve per column of (I - rho S)^-1 on each core. Column k
// (position k) of the symmetric inverse is also its row, which gives the
// row of city perm[k] of (I - rho W)^-1 in one pass.
func (ss *symSystem) inverse(ctx context.Context, rho float64) (*mat.Dense, error) {
	l, ok := ss.factor(rho)
	if !ok {
		return nil, inputErr("rho", "", "I - %g W is not positive definite", rho)
	}
	n := ss.n
	out := mat.NewDense(n, n, nil)
	sd := make([]float64, n) // sqrt(d) by position
	for k, c := range ss.perm {
		sd[k] = math.Sqrt(ss.d[c])
	}
	nw := workers(n)
	errs := make([]error, nw)
	var wg sync.WaitGroup
	for w := range nw {
		wg.Add(1)
		go func() {
			defer wg.Done()
			col := make([]float64, n)
			for k := w; k < n; k += nw {
				if k%64 == w && ctx.Err() != nil {
					errs[w] = ctx.Err()
					return
				}
				clear(col)
				col[k] = 1
				l.solveInPlace(col, k)
				row := out.RawRowView(ss.perm[k])
				inv := 1 / sd[k]
				for pi, v := range col {
					row[ss.perm[pi]] = v * sd[pi] * inv
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// workers is the number of goroutines for n independent pieces of work.
func workers(n int) int { return max(1, min(runtime.GOMAXPROCS(0), n)) }

// reverseCuthillMcKee orders the cities breadth-first from a low-degree
// city of each component, neighbours by ascending degree, then reversed:
// a small envelope for the Cholesky factor (George and Liu 1981).
func reverseCuthillMcKee(p *problem) []int {
	n := p.n
	deg := make([]int, n)
	for i := range n {
		deg[i] = p.w.Cardinality(i)
	}
	byDeg := make([]int, n)
	for i := range byDeg {
		byDeg[i] = i
	}
	slices.SortStableFunc(byDeg, func(a, b int) int { return deg[a] - deg[b] })
	seen := make([]bool, n)
	order := make([]int, 0, n)
	for _, root := range byDeg {
		if seen[root] {
			continue
		}
		root = peripheral(p, root, deg)
		seen[root] = true
		head := len(order)
		order = append(order, root)
		for head < len(order) {
			i := order[head]
			head++
			nb, _ := p.w.Row(i)
			next := make([]int, 0, len(nb))
			for _, j := range nb {
				if !seen[j] {
					seen[j] = true
					next = append(next, j)
				}
			}
			slices.SortStableFunc(next, func(a, b int) int { return deg[a] - deg[b] })
			order = append(order, next...)
		}
	}
	slices.Reverse(order)
	return order
}

// peripheral returns a pseudo-peripheral city of root's component: the
// lowest-degree city of the last breadth-first level, repeated while the
// eccentricity grows (Gibbs, Poole and Stockmeyer 1976).
func peripheral(p *problem, root int, deg []int) int {
	ecc := -1
	for range 8 {
		levels := bfsLevels(p, root)
		last := levels[len(levels)-1]
		if len(levels)-1 <= ecc {
			return root
		}
		ecc = len(levels) - 1
		best := last[0]
		for _, c := range last {
			if deg[c] < deg[best] {
				best = c
			}
		}
		root = best
	}
	return root
}

func bfsLevels(p *problem, root int) [][]int {
	depth := map[int]int{root: 0}
	levels := [][]int{{root}}
	for len(levels[len(levels)-1]) > 0 {
		var next []int
		for _, i := range levels[len(levels)-1] {
			nb, _ := p.w.Row(i)
			for _, j := range nb {
				if _, ok := depth[j]; !ok {
					depth[j] = len(levels)
					next = append(next, j)
				}
			}
		}
		if len(next) == 0 {
			break
		}
		levels = append(levels, next)
	}
	return levels
}

// extremeEigenvalues returns the smallest and largest eigenvalues of the
// symmetric S by Lanczos iteration with full reorthogonalisation, stopping
// when both extreme Ritz values have settled to 1e-14 (Golub and Van Loan
// 2013, 10.1).
func extremeEigenvalues(ctx context.Context, p *problem, d []float64) (lo, hi float64, err error) {
	n := p.n
	mulS := func(v, out []float64) {
		for i := range n {
			nb, wt := p.w.Row(i)
			var s float64
			for t, j := range nb {
				s += wt[t] * math.Sqrt(d[i]/d[j]) * v[j]
			}
			out[i] = s
		}
	}
	maxIter := min(n, 600)
	basis := make([][]float64, 0, maxIter)
	v := make([]float64, n)
	for i := range v { // a fixed, non-special start
		v[i] = 1 + 0.5*math.Sin(float64(i)*1.618)
	}
	scale(v, 1/math.Sqrt(dot(v, v)))
	var alpha, beta []float64
	prevLo, prevHi := math.Inf(1), math.Inf(-1)
	w := make([]float64, n)
	for k := range maxIter {
		if err := ctx.Err(); err != nil {
			return 0, 0, err
		}
		basis = append(basis, slices.Clone(v))
		mulS(v, w)
		a := dot(w, v)
		alpha = append(alpha, a)
		for range 2 { // full reorthogonalisation, twice is enough
			for _, q := range basis {
				c := dot(w, q)
				for i := range w {
					w[i] -= c * q[i]
				}
			}
		}
		b := math.Sqrt(dot(w, w))
		if k%10 == 9 || b < 1e-12 || k == maxIter-1 {
			l, h := tridiagExtremes(alpha, beta)
			if b < 1e-12 || (math.Abs(l-prevLo) < 1e-14 && math.Abs(h-prevHi) < 1e-14) {
				return l, h, nil
			}
			prevLo, prevHi = l, h
		}
		beta = append(beta, b)
		for i := range v {
			v[i] = w[i] / b
		}
	}
	return prevLo, prevHi, nil
}

// tridiagExtremes returns the extreme eigenvalues of the symmetric
// tridiagonal matrix with diagonal a and off-diagonal b, by Sturm-sequence
// bisection from the Gershgorin bounds to machine precision.
func tridiagExtremes(a, b []float64) (float64, float64) {
	m := len(a)
	glo, ghi := math.Inf(1), math.Inf(-1)
	for i := range m {
		r := 0.0
		if i > 0 {
			r += math.Abs(b[i-1])
		}
		if i+1 < m {
			r += math.Abs(b[i])
		}
		glo, ghi = math.Min(glo, a[i]-r), math.Max(ghi, a[i]+r)
	}
	// below returns the number of eigenvalues below x (the negative pivots
	// of T - xI).
	below := func(x float64) int {
		c, q := 0, 1.0
		for i := range m {
			q = a[i] - x - sq(i, b)/q
			if q == 0 {
				q = -1e-300
			}
			if q < 0 {
				c++
			}
		}
		return c
	}
	bisect := func(k int) float64 { // the k-th smallest (1-based)
		lo, hi := glo, ghi
		for hi-lo > 2e-16*math.Max(math.Abs(lo), math.Abs(hi)) && hi-lo > 1e-300 {
			mid := (lo + hi) / 2
			if mid == lo || mid == hi {
				break
			}
			if below(mid) >= k {
				hi = mid
			} else {
				lo = mid
			}
		}
		return (lo + hi) / 2
	}
	return bisect(1), bisect(m)
}

func sq(i int, b []float64) float64 {
	if i == 0 {
		return 0
	}
	return b[i-1] * b[i-1]
}

func scale(v []float64, a float64) {
	for i := range v {
		v[i] *= a
	}
}
