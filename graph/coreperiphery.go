package graph

import (
	"cmp"
	"context"
	"math"
	"slices"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack/lapack64"
	"gonum.org/v1/gonum/mat"

	"collab/internal/parallel"
)

// CorePeriphery is a continuous core-periphery model of a network and the
// core it implies.
type CorePeriphery struct {
	// Coreness is each node's coreness c_i in [0, 1], the largest being 1.
	Coreness []float64
	// Fit is the correlation between the link weights a_ij and the pattern
	// c_i c_j over all ordered pairs i != j; NaN when undefined (no links,
	// every pair equally linked, or every node equally core).
	Fit float64
	// Core marks the nodes of the core: the nodes of highest coreness, as
	// many as make the best discrete core-periphery pattern.
	Core []bool
	// CoreFit is the correlation of that discrete pattern with the link
	// weights; NaN when no split is possible (fewer than 4 nodes).
	CoreFit float64
	// Converged is false if the fit was still improving when the
	// iterations ran out.
	Converged bool
}

// CorePeriphery fits Borgatti and Everett's continuous core-periphery model
// ("Models of core/periphery structures", Social Networks 21, 2000) as
// UCINET's Network > Core/Periphery > Continuous describes it: the coreness
// vector c >= 0 whose pattern c_i c_j is as close as possible, in least
// squares, to the link weights a_ij over the n(n-1) ordered pairs of distinct
// nodes (unlinked pairs have a_ij = 0; a directed network's a_ij and a_ji
// are both counted). The fit reported is the paper's: the correlation
// between a_ij and c_i c_j over those pairs.
//
// The residual is minimised by nonlinear conjugate gradients (Polak-Ribière+)
// from c_k = s_k / sqrt(sum s) for strengths s (the pattern of a random
// network with those strengths), preconditioned by the exact Hessian of the
// 16 nodes of largest c (see preconditioner): on gravity networks the ends
// of the heaviest links hold most of the fit, and trading coreness between
// them barely changes it, a valley that took plain conjugate gradients
// thousands of iterations to cross (6,768 on 5,000 cities) and takes the
// preconditioned ones tens (46). Along a search direction the residual is a
// quartic polynomial, since sum_{i!=j} c_i^2 c_j^2 = (sum c^2)^2 - sum c^4,
// so each line search is exact. Iterations stop when no c_k is further than
// tol times the largest from the value minimising the residual given the
// others, c_k = sum_j c_j (a_kj + a_jk)/2 / sum_{j!=k} c_j^2. (That
// coordinate update iterated on its own, a minimum-residual fit as in
// Comrey's MINRES, is slower still in that valley.) Each iteration costs
// one product with the weights (A c follows from the previous A c and A d),
// O(n + m) time on all cores, and the preconditioner's 16 x 16 block; the
// memory is O(n + m). The fixed point makes c an eigenvector of the weights
// with c_k^2 on the diagonal, the relation to eigenvector centrality that
// Borgatti and Everett point out. Like any such search it finds a local
// minimum; on the graphs tested it is the one SciPy's L-BFGS-B finds. On
// star-like networks (a hub whose partners are not linked to one another,
// or a pair of cities linked to nothing else) the best fit lies at
// infinity: the hub's c grows while its partners' shrink. The iterations
// then stop after maxIterations with Converged false, the coreness close to
// its limit (1 for the hub, 0 for its partners). The coreness reported is c
// scaled to a largest value of 1.
//
// The core is then chosen by Borgatti and Everett's discrete model: with the
// nodes ranked by coreness, the top k form the core, for the k (at least 2
// nodes in the core and 2 in the periphery) whose ideal pattern (core-core
// pairs 1, periphery-periphery pairs 0, core-periphery pairs not counted)
// correlates best with the link weights; ties go to the smaller core. A
// network whose core is a clique and whose periphery has no links among
// itself has CoreFit 1. Finding it costs O(n log n + m).
func (g *Network) CorePeriphery(ctx context.Context, tol float64) (CorePeriphery, error) {
	cp := CorePeriphery{Fit: math.NaN(), CoreFit: math.NaN(), Core: make([]bool, g.n)}
	var err error
	if cp.Coreness, cp.Fit, cp.Converged, err = g.coreness(ctx, tol); err != nil {
		return CorePeriphery{}, err
	}
	cp.CoreFit = g.bestCore(cp.Coreness, cp.Core)
	return cp, nil
}

func (g *Network) coreness(ctx context.Context, tol float64) (c []float64, fit float64, converged bool, err error) {
	n := g.n
	c = g.Strength()
	if n < 2 {
		return c, math.NaN(), true, nil
	}
	var sa, saa float64
	for _, w := range g.out.weight { // every ordered pair once
		sa += w
		saa += w * w
	}
	if sa == 0 {
		return c, math.NaN(), true, nil
	}
	for i := range c {
		c[i] /= math.Sqrt(sa)
	}
	f := newMinres(g)
	pre := newPreconditioner(f, n)
	ac, ad := make([]float64, n), make([]float64, n)
	grad, prev, dir, z := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	f.product(ac, c)
	exact := true
	zgPrev := 0.0
	for iter := range maxIterations {
		if err := ctx.Err(); err != nil {
			return nil, 0, false, err
		}
		var s2 float64
		for _, x := range c {
			s2 += x * x
		}
		// The gradient of the residual, and the step each c_k would take to
		// the minimiser given the others: |grad_k| / (4 sum_{j!=k} c_j^2).
		var step, top float64
		for k, x := range c {
			grad[k] = 4 * (x*(s2-x*x) - ac[k])
			if others := s2 - x*x; others > 0 {
				step = max(step, math.Abs(grad[k])/(4*others))
			}
			top = max(top, math.Abs(x))
		}
		if step <= tol*top {
			if exact {
				converged = true
				break
			}
			f.product(ac, c) // confirm on the exact product: the updated one drifts by rounding
			exact = true
			continue
		}
		// Preconditioned Polak-Ribière+ conjugate direction, restarted when
		// it does not descend.
		pre.apply(z, grad, c, s2)
		var zg, zDiff float64
		for k, g := range grad {
			zg += z[k] * g
			zDiff += z[k] * (g - prev[k])
		}
		beta := 0.0
		if iter > 0 && zgPrev > 0 {
			beta = max(0, zDiff/zgPrev)
		}
		zgPrev = zg
		var descent float64
		for k := range dir {
			dir[k] = -z[k] + beta*dir[k]
			descent += dir[k] * grad[k]
		}
		if descent >= 0 {
			for k := range dir {
				dir[k] = -z[k]
			}
		}
		f.product(ad, dir)
		t := f.lineMinimum(c, dir, ac, ad)
		for k := range c {
			c[k] += t * dir[k]
		}
		grad, prev = prev, grad
		if exact = (iter+1)%refresh == 0; exact {
			f.product(ac, c)
		} else {
			for k := range ac {
				ac[k] += t * ad[k] // A(c + t d) = Ac + t Ad: one product an iteration, not two
			}
		}
	}
	for k, x := range c {
		c[k] = math.Abs(x) // |c| fits at least as well as c, as every a_ij >= 0
	}
	fit = f.correlation(c, ac, sa, saa)
	scaleToMax(c)
	return c, fit, converged, nil
}

// preconditioner approximates the inverse Hessian of the residual for
// conjugate gradients. The Hessian is 4 (diag(s2 - c_k^2) + 2 c c^T - A)
// off its diagonal 2 c_k c_l - a_kl, with s2 = sum c^2. Where a few nodes
// hold most of sum c^2 (the ends of the heaviest links, as gravity weights
// make them), moving weight between them barely changes the residual: the
// Hessian has one tiny eigenvalue among large ones, and unpreconditioned
// conjugate gradients take thousands of iterations to cross that valley.
// So every node is scaled by its diagonal entry, and where the block of the
// Hessian over the blockSize nodes of largest |c| is positive definite (as
// it is near a minimum) that block is solved exactly, by Cholesky; where it
// is not, the diagonal scaling alone still gives a descent direction.
type preconditioner struct {
	f     *minres
	nodes []int   // the nodes of the block, by decreasing |c|
	at    []int32 // each node's place in nodes, or -1
	block *mat.SymDense
	gs    []float64
}

// blockSize is the number of nodes whose block of the Hessian the
// preconditioner solves exactly.
const blockSize = 16

func newPreconditioner(f *minres, n int) *preconditioner {
	size := min(n, blockSize)
	p := &preconditioner{f: f, nodes: make([]int, 0, size), at: make([]int32, n),
		block: mat.NewSymDense(size, nil), gs: make([]float64, size)}
	for i := range p.at {
		p.at[i] = -1
	}
	return p
}

// apply sets z to the preconditioned gradient g at c, where s2 = sum c^2.
func (p *preconditioner) apply(z, g, c []float64, s2 float64) {
	for k, x := range c {
		z[k] = g[k]
		if diag := 4 * max(s2-x*x, s2*1e-12); diag > 0 {
			z[k] /= diag
		}
	}
	p.choose(c)
	p.fill(c, s2)
	for i, k := range p.nodes {
		p.gs[i] = g[k]
	}
	// Near a minimum the block is positive definite, and solving it is
	// what crosses the valley; elsewhere the diagonal scaling above stands.
	// (LAPACK's Cholesky in place, without mat.Cholesky's estimate of the
	// condition number, which would double the cost: a nearly singular
	// block is the valley itself, and its long step is wanted.)
	chol, ok := lapack64.Potrf(p.block.RawSymmetric())
	if !ok {
		return
	}
	lapack64.Potrs(chol, blas64.General{Rows: len(p.gs), Cols: 1, Stride: 1, Data: p.gs})
	for i, k := range p.nodes {
		z[k] = p.gs[i]
	}
}

// fill sets the block to the Hessian over the chosen nodes at c (apply then
// factorises it in place).
func (p *preconditioner) fill(c []float64, s2 float64) {
	for i, k := range p.nodes {
		for j, l := range p.nodes[:i] {
			p.block.SetSym(i, j, 8*c[k]*c[l])
		}
		p.block.SetSym(i, i, 4*(s2-c[k]*c[k]))
		adj, w := p.f.sym.neighbors(k)
		for e, l := range adj {
			if j := int(p.at[l]); j >= 0 && j < i {
				p.block.SetSym(i, j, p.block.At(i, j)-4*p.f.half*w[e])
			}
		}
	}
}

// choose sets p.nodes to the nodes of largest |c|, ties to the lower index.
func (p *preconditioner) choose(c []float64) {
	for _, k := range p.nodes {
		p.at[k] = -1
	}
	p.nodes = p.nodes[:0]
	size := cap(p.nodes)
	for k, x := range c {
		if len(p.nodes) == size && math.Abs(x) <= math.Abs(c[p.nodes[size-1]]) {
			continue
		}
		if len(p.nodes) < size {
			p.nodes = append(p.nodes, k)
		} else {
			p.nodes[size-1] = k
		}
		for i := len(p.nodes) - 1; i > 0 && math.Abs(c[p.nodes[i]]) > math.Abs(c[p.nodes[i-1]]); i-- {
			p.nodes[i], p.nodes[i-1] = p.nodes[i-1], p.nodes[i]
		}
	}
	for i, k := range p.nodes {
		p.at[k] = int32(i)
	}
}

// minres is the least-squares core-periphery residual
// R(c) = sum_{i!=j} (a_ij - c_i c_j)^2 over a network.
type minres struct {
	// sym holds a_kj + a_jk (directed) or a_kj (undirected); half turns it
	// into the symmetric part (a_kj + a_jk)/2 either way.
	sym  rows
	half float64
}

func newMinres(g *Network) *minres {
	f := &minres{sym: g.symmetric(func(w float64) float64 { return w }), half: 1}
	if g.directed {
		f.half = 0.5
	}
	return f
}

// product sets y to the symmetric part of the weights times x, O(n + m),
// in blocks of rows on all cores; each row is its own sum, so the result
// does not depend on the number of cores.
func (f *minres) product(y, x []float64) {
	blocks := 1 + len(f.sym.adj)/productBlock
	// One product is O(m), short enough that the caller checks for
	// cancellation between products.
	parallel.For(context.Background(), blocks, func(b int) {
		for u := b * len(x) / blocks; u < (b+1)*len(x)/blocks; u++ {
			adj, w := f.sym.neighbors(u)
			sum := 0.0
			for k, v := range adj {
				sum += w[k] * x[v]
			}
			y[u] = f.half * sum
		}
	})
}

// productBlock is about the number of links a block of product's rows
// holds: enough that a block outweighs handing it to a core.
const productBlock = 1 << 14

// refresh is how often (in iterations) coreness recomputes A c exactly
// rather than updating it, so that rounding cannot accumulate.
const refresh = 50

// correlation returns the Pearson correlation of a_ij and c_i c_j over the
// n(n-1) ordered pairs i != j, given the sums of a and a^2 over them; NaN
// when either does not vary. Sums of c_i c_j over all pairs come from
// sum c, sum c^2 and sum c^4; ac is scratch space. O(n + m).
func (f *minres) correlation(c, ac []float64, sa, saa float64) float64 {
	f.product(ac, c)
	var s1, s2, s4, ap float64
	for k, x := range c {
		s1 += x
		s2 += x * x
		s4 += x * x * x * x
		ap += x * ac[k]
	}
	pairs := float64(len(c)) * float64(len(c)-1)
	sp, spp := s1*s1-s2, s2*s2-s4 // sum c_i c_j, sum (c_i c_j)^2
	varP, varA := pairs*spp-sp*sp, pairs*saa-sa*sa
	if !(varP > 0) || !(varA > 0) {
		return math.NaN()
	}
	return max(-1, min(1, (pairs*ap-sa*sp)/math.Sqrt(varA*varP))) // rounding can pass 1
}

// lineMinimum returns the t minimising R(c + t d), given ac = A c and
// ad = A d for the symmetric part A of the weights. Along the line the
// residual is a quartic in t, since sum_{i!=j} x_i^2 x_j^2 =
// (sum x^2)^2 - sum x^4; its derivative is a cubic whose real roots hold
// the minimum.
func (f *minres) lineMinimum(c, d, ac, ad []float64) float64 {
	var acd, add, scc, scd, sdd, f1, f2, f3, f4 float64
	for k, x := range c {
		y := d[k]
		acd += x * ad[k]
		add += y * ad[k]
		scc += x * x
		scd += x * y
		sdd += y * y
		f1 += x * x * x * y
		f2 += x * x * y * y
		f3 += x * y * y * y
		f4 += y * y * y * y
	}
	// R'(t) = k0 + k1 t + k2 t^2 + k3 t^3.
	k0 := -4*acd + 4*scc*scd - 4*f1
	k1 := -4*add + 4*scc*sdd + 8*scd*scd - 12*f2
	k2 := 12*scd*sdd - 12*f3
	k3 := 4*sdd*sdd - 4*f4
	change := func(t float64) float64 { return t * (k0 + t*(k1/2+t*(k2/3+t*k3/4))) } // R(t) - R(0)
	best, bestT := 0.0, 0.0
	for _, t := range cubicRoots(k3, k2, k1, k0) {
		if r := change(t); r < best {
			best, bestT = r, t
		}
	}
	return bestT
}

// cubicRoots returns the real roots of a t^3 + b t^2 + c t + d, each
// polished by Newton's method.
func cubicRoots(a, b, c, d float64) []float64 {
	var roots []float64
	switch {
	case a == 0 && b == 0:
		if c != 0 {
			roots = append(roots, -d/c)
		}
	case a == 0:
		if disc := c*c - 4*b*d; disc >= 0 {
			roots = append(roots, (-c+math.Sqrt(disc))/(2*b), (-c-math.Sqrt(disc))/(2*b))
		}
	default:
		// t = y - B/3 turns t^3 + B t^2 + C t + D into y^3 + p y + q.
		B, C, D := b/a, c/a, d/a
		p := C - B*B/3
		q := 2*B*B*B/27 - B*C/3 + D
		if disc := q*q/4 + p*p*p/27; disc > 0 {
			r := math.Sqrt(disc)
			roots = append(roots, math.Cbrt(-q/2+r)+math.Cbrt(-q/2-r)-B/3)
		} else {
			m := 2 * math.Sqrt(-p/3)
			theta := math.Acos(max(-1, min(1, 3*q/(p*m)))) / 3
			for k := range 3 {
				roots = append(roots, m*math.Cos(theta-2*math.Pi*float64(k)/3)-B/3)
			}
		}
	}
	for i, t := range roots {
		for range 3 {
			slope := (3*a*t+2*b)*t + c
			if slope == 0 {
				break
			}
			t -= (((a*t+b)*t+c)*t + d) / slope
		}
		roots[i] = t
	}
	return roots
}

func scaleToMax(c []float64) {
	top := 0.0
	for _, x := range c {
		top = max(top, x)
	}
	if top > 0 {
		for i := range c {
			c[i] /= top
		}
	}
}

// bestCore marks in core the top k nodes by coreness for the k whose ideal
// discrete pattern fits best, and returns that fit (NaN if none is defined).
// Adding nodes to the core one at a time moves each of their pairs from the
// periphery block to the core-periphery block, or from there to the core
// block, so every k is scored in O(n + m) in all.
func (g *Network) bestCore(coreness []float64, core []bool) float64 {
	n := g.n
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(coreness[b], coreness[a]) })
	var total, totalSq float64 // every ordered pair
	for _, r := range []*rows{&g.out, &g.in} {
		for _, w := range r.weight {
			total += w / 2 // out and in rows each hold every ordered pair once
			totalSq += w * w / 2
		}
	}
	// in core: core-core sums; cross: pairs with exactly one end in the core.
	var in, inSq, cross, crossSq float64
	best, bestK := math.NaN(), 0
	for k := 1; k <= n-2; k++ {
		v := order[k-1]
		core[v] = true
		for _, r := range []*rows{&g.out, &g.in} {
			adj, w := r.neighbors(v)
			for i, u := range adj {
				a := w[i]
				if core[u] {
					in, inSq = in+a, inSq+a*a
					cross, crossSq = cross-a, crossSq-a*a
				} else {
					cross, crossSq = cross+a, crossSq+a*a
				}
			}
		}
		if k < 2 {
			continue
		}
		out, outSq := total-in-cross, totalSq-inSq-crossSq
		n1 := float64(k) * float64(k-1)
		n0 := float64(n-k) * float64(n-k-1)
		cells := n1 + n0
		varA := cells*(inSq+outSq) - (in+out)*(in+out)
		if !(varA > 0) {
			continue
		}
		corr := (in*n0 - out*n1) / math.Sqrt(varA*n1*n0)
		if math.IsNaN(best) || corr > best+1e-12 {
			best, bestK = corr, k
		}
	}
	clear(core)
	for _, v := range order[:bestK] {
		core[v] = true
	}
	return best
}
