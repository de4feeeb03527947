package graph

import (
	"cmp"
	"math"
	"slices"
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
// The residual is minimised by exact coordinate descent (a minimum-residual
// fit, as in Comrey's MINRES factor analysis): each sweep sets every c_k in
// turn to the minimiser of the residual given the others,
//
//	c_k = sum_j c_j (a_kj + a_jk)/2 / sum_{j!=k} c_j^2,
//
// starting from c_k = s_k / sqrt(sum s) for strengths s (the pattern of a
// random network with those strengths). Every step lowers the residual;
// sweeps stop when no c_k moves by more than tol times the largest. Sums
// over all pairs come from sum c, sum c^2 and sum c^4, so a sweep costs
// O(n + m) time and the memory is O(n + m). Without the diagonal this is close to the
// principal eigenvector of the weights, which is the relation to eigenvector
// centrality that Borgatti and Everett point out. The coreness reported is c
// scaled to a largest value of 1.
//
// The core is then chosen by Borgatti and Everett's discrete model: with the
// nodes ranked by coreness, the top k form the core, for the k (at least 2
// nodes in the core and 2 in the periphery) whose ideal pattern (core-core
// pairs 1, periphery-periphery pairs 0, core-periphery pairs not counted)
// correlates best with the link weights; ties go to the smaller core. A
// network whose core is a clique and whose periphery has no links among
// itself has CoreFit 1. Finding it costs O(n log n + m).
func (g *Network) CorePeriphery(tol float64) CorePeriphery {
	cp := CorePeriphery{Fit: math.NaN(), CoreFit: math.NaN(), Core: make([]bool, g.n)}
	cp.Coreness, cp.Fit, cp.Converged = g.coreness(tol)
	cp.CoreFit = g.bestCore(cp.Coreness, cp.Core)
	return cp
}

// pairStats are sums over the ordered pairs of distinct nodes.
type pairStats struct {
	pairs  float64 // n(n-1)
	sa     float64 // sum a
	saa    float64 // sum a^2
	pSum   float64 // sum c_i c_j
	pp     float64 // sum (c_i c_j)^2
	ap     float64 // sum a_ij c_i c_j
	s1, s2 float64 // sum c, sum c^2
}

// correlation returns the Pearson correlation of a_ij and c_i c_j; NaN when
// either does not vary.
func (s *pairStats) correlation() float64 {
	varP := s.pairs*s.pp - s.pSum*s.pSum
	varA := s.pairs*s.saa - s.sa*s.sa
	if !(varP > 0) || !(varA > 0) {
		return math.NaN()
	}
	return (s.pairs*s.ap - s.sa*s.pSum) / math.Sqrt(varA*varP)
}

// measure recomputes the sums that depend on c, O(n + m).
func (s *pairStats) measure(c []float64, sym *rows, half float64) {
	var s4 float64
	s.s1, s.s2, s.ap = 0, 0, 0
	for u, x := range c {
		s.s1 += x
		s.s2 += x * x
		s4 += x * x * x * x
		adj, w := sym.neighbors(u)
		for k, v := range adj {
			s.ap += half * w[k] * x * c[v]
		}
	}
	s.pSum = s.s1*s.s1 - s.s2
	s.pp = s.s2*s.s2 - s4
}

func (g *Network) coreness(tol float64) (c []float64, fit float64, converged bool) {
	n := g.n
	c = g.Strength()
	if n < 2 {
		return c, math.NaN(), true
	}
	st := pairStats{pairs: float64(n) * float64(n-1)}
	for _, w := range g.out.weight { // every ordered pair once
		st.sa += w
		st.saa += w * w
	}
	if st.sa == 0 {
		return c, math.NaN(), true
	}
	for i := range c {
		c[i] /= math.Sqrt(st.sa)
	}
	// sym holds a_kj + a_jk (directed) or a_kj (undirected); half turns it
	// into the symmetric part (a_kj + a_jk)/2 either way.
	sym := g.symmetric(func(w float64) float64 { return w })
	half := 1.0
	if g.directed {
		half = 0.5
	}
	st.measure(c, &sym, half)
	for range maxIterations {
		var step, top float64
		for k := range c {
			others := st.s2 - c[k]*c[k]
			if others <= 0 {
				continue
			}
			adj, w := sym.neighbors(k)
			linked := 0.0
			for i, j := range adj {
				linked += half * w[i] * c[j]
			}
			next := linked / others
			st.s1 += next - c[k]
			st.s2 += next*next - c[k]*c[k]
			step = max(step, math.Abs(next-c[k]))
			top = max(top, next)
			c[k] = next
		}
		if step <= tol*top {
			converged = true
			break
		}
	}
	st.measure(c, &sym, half)
	fit = st.correlation()
	scaleToMax(c)
	return c, fit, converged
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
