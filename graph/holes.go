package graph

import (
	"context"
	"math"
	"runtime"

	"collab/internal/parallel"
)

// StructuralHoles returns Burt's constraint and effective size of each node
// (Burt, "Structural Holes", 1992; "Structural holes and good ideas", Am. J.
// Sociol. 110, 2004), as NetworkX's constraint and effective_size compute
// them with weights. With the mutual weight m_uv = w_uv + w_vu (links either
// way), p_uv = m_uv / sum_x m_ux the share of u's ties that go to v, and N(u)
// the nodes linked to u in either direction:
//
//	constraint(u)     = sum_{v in N(u)} (p_uv + sum_{w in N(u)} p_uw p_wv)^2
//	effective size(u) = sum_{v in N(u)} (1 - sum_{w in N(u)} p_uw m_vw / max_x m_vx)
//
// A low constraint marks a broker whose contacts are not tied to one
// another; effective size is the number of contacts less their redundancy
// (Borgatti's n - 2t/n when unweighted). Both are NaN for a node without
// links. (NetworkX 2.8 also gives NaN for a directed node that has in-links
// but no out-links; here such a node is measured like any other.)
//
// Each node scans its neighbours' neighbours: O(sum_u k_u^2) time, run in
// parallel over nodes, and O(n + m) memory.
func (g *Network) StructuralHoles(ctx context.Context) (constraint, effectiveSize []float64, err error) {
	n := g.n
	constraint, effectiveSize = make([]float64, n), make([]float64, n)
	mutual := g.symmetric(func(w float64) float64 { return w })
	total, strongest := make([]float64, n), make([]float64, n)
	for u := range total {
		_, w := mutual.neighbors(u)
		for _, x := range w {
			total[u] += x
			strongest[u] = max(strongest[u], x)
		}
	}
	// Blocks of nodes, each with its own scratch arrays; every node's result
	// depends only on the network, so how nodes are split does not matter.
	blocks := min(n, 4*runtime.GOMAXPROCS(0))
	err = parallel.For(ctx, blocks, func(b int) {
		share := make([]float64, n)    // p_uw for w in N(u)
		indirect := make([]float64, n) // sum_w p_uw p_wv for v two steps from u
		for u := b * n / blocks; u < (b+1)*n/blocks; u++ {
			if ctx.Err() != nil { // a node's work is O(k^2): check at each
				return
			}
			adj, w := mutual.neighbors(u)
			if len(adj) == 0 {
				constraint[u], effectiveSize[u] = math.NaN(), math.NaN()
				continue
			}
			for k, v := range adj {
				share[v] = w[k] / total[u]
			}
			for _, x := range adj {
				adjX, wX := mutual.neighbors(int(x))
				for k, v := range adjX {
					indirect[v] += share[x] * wX[k] / total[x]
				}
			}
			var c, e float64
			for _, v := range adj {
				c += (share[v] + indirect[v]) * (share[v] + indirect[v])
				redundancy := 0.0
				adjV, wV := mutual.neighbors(int(v))
				for k, x := range adjV {
					redundancy += share[x] * wV[k] / strongest[v]
				}
				e += 1 - redundancy
			}
			constraint[u], effectiveSize[u] = c, e
			for _, x := range adj {
				share[x] = 0
				adjX, _ := mutual.neighbors(int(x))
				for _, v := range adjX {
					indirect[v] = 0
				}
			}
		}
	})
	if err != nil {
		return nil, nil, err
	}
	return constraint, effectiveSize, nil
}
