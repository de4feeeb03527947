package graph

import (
	"cmp"
	"context"
	"math"
	"slices"
)

// Clustering returns each node's clustering coefficient as NetworkX's
// clustering computes it: the share of the pairs of a node's neighbours that
// are linked themselves, and with weighted set, Onnela's generalisation
// (Onnela, Saramäki, Kertész and Kaski, "Intensity and coherence of motifs
// in weighted complex networks", Phys. Rev. E 71, 2005), where each triangle
// counts the geometric mean of its three link weights, each divided by the
// largest weight in the network:
//
//	c_u = 1/(k_u(k_u-1)) sum_{v,w} (ŵ_uv ŵ_vw ŵ_wu)^(1/3),  ŵ = w / max w.
//
// Directed networks use Fagiolo's directed triangles ("Clustering in complex
// directed networks", Phys. Rev. E 76, 2007), as NetworkX does:
//
//	c_u = t_u / (2 (k_u(k_u-1) - 2 k_u^↔)),  t_u = ((W + Wᵀ)³)_uu,
//
// with W the matrix of cube-rooted normalised weights (or 0/1), k_u the in-
// plus out-degree and k_u^↔ the number of reciprocated pairs. A node with
// fewer than two neighbours has coefficient 0.
//
// Triangles are listed once each by the forward algorithm (Schank and
// Wagner 2005: each node looks only at neighbours ranked above it by
// degree), O(m^1.5) time and O(n + m) memory; ctx is checked between nodes.
func (g *Network) Clustering(ctx context.Context, weighted bool) ([]float64, error) {
	f := func(float64) float64 { return 1 }
	if weighted {
		scale := 0.0
		for _, e := range g.edges {
			scale = max(scale, e.Weight)
		}
		f = func(w float64) float64 { return math.Cbrt(w / scale) }
	}
	s := g.symmetric(f)
	t, err := s.closedWalks3(ctx)
	if err != nil {
		return nil, err
	}
	c := make([]float64, g.n)
	for u := range c {
		if t[u] == 0 {
			continue
		}
		k := float64(g.out.start[u+1] - g.out.start[u])
		possible := k * (k - 1)
		if g.directed {
			k += float64(g.in.start[u+1] - g.in.start[u])
			reciprocated := k - float64(s.start[u+1]-s.start[u])
			possible = 2 * (k*(k-1) - 2*reciprocated)
		}
		c[u] = t[u] / possible
	}
	return c, nil
}

// symmetric returns the undirected union of the links as rows, each pair
// joined in either direction carrying f(w_uv) + f(w_vu) (a missing direction
// adds nothing); an undirected network's links carry f(w). Rows stay sorted
// by neighbour.
func (g *Network) symmetric(f func(float64) float64) rows {
	if !g.directed {
		r := rows{start: g.out.start, adj: g.out.adj, weight: make([]float64, len(g.out.weight))}
		for k, w := range g.out.weight {
			r.weight[k] = f(w)
		}
		return r
	}
	r := rows{start: make([]int, g.n+1)}
	for u := 0; u < g.n; u++ {
		outAdj, outW := g.out.neighbors(u)
		inAdj, inW := g.in.neighbors(u)
		i, j := 0, 0
		for i < len(outAdj) || j < len(inAdj) {
			switch {
			case j == len(inAdj) || (i < len(outAdj) && outAdj[i] < inAdj[j]):
				r.adj, r.weight = append(r.adj, outAdj[i]), append(r.weight, f(outW[i]))
				i++
			case i == len(outAdj) || inAdj[j] < outAdj[i]:
				r.adj, r.weight = append(r.adj, inAdj[j]), append(r.weight, f(inW[j]))
				j++
			default:
				r.adj, r.weight = append(r.adj, outAdj[i]), append(r.weight, f(outW[i])+f(inW[j]))
				i++
				j++
			}
		}
		r.start[u+1] = len(r.adj)
	}
	return r
}

// closedWalks3 returns (S³)_uu for the symmetric weighted adjacency S held in
// r: twice the sum, over the triangles through u, of the product of their
// three weights. Each triangle is found once, from its lowest-ranked node,
// ranking nodes by degree and then index.
func (r *rows) closedWalks3(ctx context.Context) ([]float64, error) {
	n := len(r.start) - 1
	order := make([]int32, n)
	for u := range order {
		order[u] = int32(u)
	}
	degree := func(u int32) int { return r.start[u+1] - r.start[u] }
	slices.SortFunc(order, func(a, b int32) int { return cmp.Or(degree(a)-degree(b), int(a-b)) })
	rank := make([]int32, n)
	for k, u := range order {
		rank[u] = int32(k)
	}
	// higher holds, for each node, its neighbours ranked above it: each pair
	// once.
	higher := rows{start: make([]int, n+1), adj: make([]int32, 0, len(r.adj)/2), weight: make([]float64, 0, len(r.adj)/2)}
	for u := 0; u < n; u++ {
		if ctx.Err() != nil { // millions of links take a while to sort out too
			return nil, ctx.Err()
		}
		adj, w := r.neighbors(u)
		for k, v := range adj {
			if rank[v] > rank[u] {
				higher.adj = append(higher.adj, v)
				higher.weight = append(higher.weight, w[k])
			}
		}
		higher.start[u+1] = len(higher.adj)
	}
	t := make([]float64, n)
	mark := make([]float64, n) // weight of the link from the current node, 0 if none
	for u := 0; u < n; u++ {
		if ctx.Err() != nil { // a node's triangles are up to O(k^2): check at each
			return nil, ctx.Err()
		}
		adjU, wU := higher.neighbors(u)
		for k, v := range adjU {
			mark[v] = wU[k]
		}
		for k, v := range adjU {
			adjV, wV := higher.neighbors(int(v))
			for l, x := range adjV {
				if mark[x] == 0 {
					continue
				}
				p := 2 * wU[k] * wV[l] * mark[x]
				t[u] += p
				t[v] += p
				t[x] += p
			}
		}
		for _, v := range adjU {
			mark[v] = 0
		}
	}
	return t, nil
}
