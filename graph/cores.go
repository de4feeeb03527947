package graph

// CoreNumbers returns each node's core number: the largest k such that the
// node belongs to the k-core, the largest subnetwork in which every node has
// at least k links (Seidman 1983). Degree counts links either way, so in a
// directed network it is in- plus out-degree, as in NetworkX's core_number.
// Weights play no part. Batagelj and Zaversnik's bucket algorithm ("An O(m)
// algorithm for cores decomposition of networks", 2003): O(n + m) time and
// memory.
func (g *Network) CoreNumbers() []int {
	n := g.n
	deg := g.Degree()
	maxDeg := 0
	for _, d := range deg {
		maxDeg = max(maxDeg, d)
	}
	// Nodes sorted by degree (counting sort): vert[bin[d]:bin[d+1]] hold the
	// nodes of current degree d, pos[v] is v's place in vert.
	bin := make([]int, maxDeg+2)
	for _, d := range deg {
		bin[d+1]++
	}
	for d := 1; d < len(bin); d++ {
		bin[d] += bin[d-1]
	}
	vert := make([]int32, n)
	pos := make([]int, n)
	fill := append([]int(nil), bin...)
	for v, d := range deg {
		pos[v] = fill[d]
		vert[pos[v]] = int32(v)
		fill[d]++
	}
	// Remove nodes in order of current degree; each removal lowers the
	// degree of its neighbours still above it by moving them one bucket down.
	for i := 0; i < n; i++ {
		v := int(vert[i])
		for _, r := range g.bothRows() {
			adj, _ := r.neighbors(v)
			for _, u := range adj {
				if deg[u] <= deg[v] {
					continue
				}
				du, pu := deg[u], pos[u]
				pw := bin[du]
				w := vert[pw]
				if int(w) != int(u) {
					vert[pu], vert[pw] = w, u
					pos[u], pos[w] = pw, pu
				}
				bin[du]++
				deg[u]--
			}
		}
	}
	return deg
}

// bothRows returns the adjacency rows to visit for every link at a node:
// out and in rows when directed, the single symmetric rows otherwise.
func (g *Network) bothRows() []*rows {
	if g.directed {
		return []*rows{&g.out, &g.in}
	}
	return []*rows{&g.out}
}
