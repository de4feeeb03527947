package analysis

import (
	"slices"

	"collab/graph"
)

// Size limits of the positions stage. Each measure is skipped, null with a
// warning saying why, above its limit, so that a large region's study stays
// interactive and within memory.
const (
	// ConcorMax bounds the cities CONCOR is run on: it holds a dense n x n
	// correlation matrix and its packed copy, and its first iterations are
	// dense products, O(n^3): at 2,000 cities 0.76 s with each city's 8
	// strongest links and 2.4 s with every pair linked, 4.2 s at 4,000 with
	// the strongest links (docs/PERFORMANCE.md).
	ConcorMax = 2000
	// SmallWorldMaxAttempts bounds the swap attempts of sigma and omega's
	// references: NetworkX's defaults rewire each of the m links of 10
	// references 100 times (sigma), 10 and 5 times (omega), each round
	// making about 2m/(n-1) attempts, with a connectivity search after each
	// swap: 1150 m max(1, 2m/(n-1)) attempts, about a second per 4 million
	// on the project's machine. A complete network needs none (no swap is
	// possible) and has no limit.
	SmallWorldMaxAttempts = 10_000_000
	// LUBMax bounds the cities of least upper boundedness: it tests every
	// pair of cities of a component against the n-bit reachability sets,
	// O(n^3/64) at worst.
	LUBMax = 2000
)

// BlockPosition is a city's CONCOR position and the role of its block;
// both null, with a warning, when the network is too large for CONCOR, so
// that every city of a study with a network has the same keys.
type BlockPosition struct {
	// Block numbers the city's CONCOR block, 0..K-1 (the isolates, if
	// any, last).
	Block *int `json:"block"`
	// BlockRole is its block's role by Burt's rule: bidirectional_spillover,
	// net_benefit, net_spillover, broker, or undefined for a block that
	// sends no link.
	BlockRole *string `json:"block_role"`
}

// BlockTable is the CONCOR block model of the linkage network.
type BlockTable struct {
	// Depth is the number of rounds of splits (2: at most four blocks and
	// one of the isolates).
	Depth int `json:"depth"`
	// Directed is whether the roles were read from directed links; on an
	// undirected network each link counts as sent both ways, so every
	// block receives from the others as much as it sends them.
	Directed bool                `json:"directed"`
	Blocks   []BlockRow          `json:"blocks"`
	Splits   []graph.ConcorSplit `json:"splits"`
	// Density[k][l] is the link weight from block k to block l over the
	// ordered pairs of cities (null for the inside of a one-city block);
	// NetworkDensity the same over the whole network; Image[k][l] is 1
	// when Density[k][l] exceeds it.
	Density           [][]*float64 `json:"density"`
	NetworkDensity    float64      `json:"network_density"`
	Image             [][]int      `json:"image"`
	ReceivedThreshold float64      `json:"received_threshold"`
}

// BlockRow is one block: its cities (ids, highest score first), its flows
// of link weight and its role.
type BlockRow struct {
	Block  int      `json:"block"`
	Cities []string `json:"cities"`
	graph.BlockStats
}

// WholeNetwork are the path and efficiency measures of the whole network
// (keys of results.json's network).
type WholeNetwork struct {
	// Efficiency and LUB are Krackhardt's efficiency and least upper
	// boundedness (null when undefined or, LUB, above LUBMax cities).
	Efficiency *float64 `json:"efficiency"`
	LUB        *float64 `json:"lub"`
	// AvgPathLength and Diameter are the mean and the largest number of
	// links on a shortest path between two cities of the largest
	// component; GlobalEfficiency the mean of 1/hops over every ordered
	// pair (0 for a pair without a path). Estimated from PathMeasureSources
	// sampled cities when the centrality was (the diameter is then the
	// longest path found from them, a lower bound).
	AvgPathLength      *float64 `json:"avg_path_length"`
	Diameter           *int     `json:"diameter"`
	GlobalEfficiency   *float64 `json:"global_efficiency"`
	PathMeasureSources int      `json:"path_measure_sources"`
	// AvgPathLengthWeighted and DiameterWeighted are the same over link
	// lengths 1/weight (the lengths betweenness and closeness use), from
	// the centrality's own searches.
	AvgPathLengthWeighted *float64 `json:"avg_path_length_weighted"`
	DiameterWeighted      *float64 `json:"diameter_weighted"`
	// The standard errors of the estimated averages and global
	// efficiency (stratified sampling, graph.EstimatePathSummary); null
	// when every city was searched.
	AvgPathLengthSE         *float64 `json:"avg_path_length_se"`
	AvgPathLengthWeightedSE *float64 `json:"avg_path_length_weighted_se"`
	GlobalEfficiencySE      *float64 `json:"global_efficiency_se"`
	// SmallWorldSigma and SmallWorldOmega compare the largest component
	// with degree-preserving random and lattice references seeded by the
	// study's seed; null when undefined, for a directed network, or when
	// the references would need more than SmallWorldMaxAttempts swaps.
	SmallWorldSigma *float64 `json:"small_world_sigma"`
	SmallWorldOmega *float64 `json:"small_world_omega"`
}

// positions finds the CONCOR block model of the network with Burt's block
// roles, and the whole-network path and efficiency measures.
func (s *study) positions(res *Result) error {
	if err := s.blockModel(res); err != nil {
		return err
	}
	return s.wholeNetwork(res)
}

func (s *study) blockModel(res *Result) error {
	net := s.net
	if n := net.Nodes(); n > ConcorMax {
		s.warnf("the CONCOR block model was not computed: %d cities, over the %d it is run on (its first iterations are dense products of %d x %d correlation matrices, O(n^3)); block and block_role are null", n, ConcorMax, n, n)
		for i := range res.Cities {
			res.Cities[i].BlockPosition = &BlockPosition{}
		}
		return nil
	}
	concor, err := net.Concor(s.ctx, graph.ConcorOptions{})
	if err != nil {
		return err
	}
	for _, sp := range concor.Splits {
		if !sp.Converged {
			s.warnf("a CONCOR split of %d cities did not converge in %d iterations; it follows the signs reached", sp.Size, sp.Iterations)
		}
	}
	directed := net
	if !net.Directed() {
		// Each link counts as sent both ways; the report and blocks.directed
		// say that only net benefit and broker can then arise.
		if directed, err = bothWays(net); err != nil {
			return err
		}
	}
	bm, err := directed.BlockModel(concor.Block, graph.BlockOptions{Weighted: true})
	if err != nil {
		return err
	}
	table := &BlockTable{Depth: graph.DefaultConcorDepth, Directed: net.Directed(), Splits: concor.Splits,
		Density: bm.Density, NetworkDensity: bm.NetworkDensity, Image: bm.Image, ReceivedThreshold: bm.ReceivedThreshold}
	if table.Splits == nil {
		table.Splits = []graph.ConcorSplit{}
	}
	table.Blocks = make([]BlockRow, len(bm.Blocks))
	for k, b := range bm.Blocks {
		table.Blocks[k] = BlockRow{Block: k, Cities: []string{}, BlockStats: b}
	}
	for _, i := range byScoreDescending(s.scores) {
		k := concor.Block[i]
		table.Blocks[k].Cities = append(table.Blocks[k].Cities, s.ds.Cities[i].ID)
	}
	for i := range res.Cities {
		k := concor.Block[i]
		role := string(bm.Blocks[k].Role)
		res.Cities[i].BlockPosition = &BlockPosition{Block: &k, BlockRole: &role}
	}
	res.Blocks = table
	return nil
}

// bothWays is the directed network with an arc each way for every link of
// the undirected net.
func bothWays(net *graph.Network) (*graph.Network, error) {
	edges := net.Edges()
	arcs := make([]graph.Edge, 0, 2*len(edges))
	for _, e := range edges {
		arcs = append(arcs, e, graph.Edge{From: e.To, To: e.From, Weight: e.Weight})
	}
	return graph.New(net.Nodes(), arcs, true)
}

// byScoreDescending returns the indices of the scores, highest first (ties
// in index order).
func byScoreDescending(scores []float64) []int {
	order := make([]int, len(scores))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return descending(scores[a], scores[b]) })
	return order
}

func (s *study) wholeNetwork(res *Result) error {
	net, w := s.net, &res.Network.WholeNetwork
	if e, ok := net.KrackhardtEfficiency(); ok {
		w.Efficiency = &e
	} else {
		s.warnf("Krackhardt's efficiency is undefined: no component has two cities")
	}
	if n := net.Nodes(); n > LUBMax {
		s.warnf("least upper boundedness was not computed: %d cities, over the %d it is run on (it tests every pair of cities against the reachability of all, O(n^3/64))", n, LUBMax)
	} else if lub, ok := net.LeastUpperBoundedness(); ok {
		w.LUB = &lub
	} else {
		s.warnf("least upper boundedness is undefined: no component has three cities")
	}
	if err := s.pathMeasures(w); err != nil {
		return err
	}
	return s.smallWorld(w)
}

// pathMeasures computes the path lengths in links from every city, or,
// when the centrality was estimated from a sample of sources, from the
// same sample; the lengths over 1/weight come from the centrality's
// searches (s.lengths).
func (s *study) pathMeasures(w *WholeNetwork) error {
	net := s.net
	ps, err := net.EstimateHopSummary(s.ctx, graph.PathOptions{Sample: s.p.pathSample(net.Nodes()), Seed: s.p.Seed})
	if err != nil {
		return err
	}
	w.PathMeasureSources = ps.Sources
	if ps.AverageHops == nil {
		s.warnf("the average path length and diameter are undefined: the largest component has %d city", ps.Component)
	} else {
		w.AvgPathLength, w.Diameter, w.AvgPathLengthSE = ps.AverageHops, ps.DiameterHops, ps.AverageHopsSE
		if l := s.lengths; l != nil { // the centrality's searches, over 1/weight
			w.AvgPathLengthWeighted, w.DiameterWeighted, w.AvgPathLengthWeightedSE = l.AverageLength, l.DiameterLength, l.AverageLengthSE
		}
	}
	if !ps.Connected && ps.AverageHops != nil {
		s.warnf("the average path length and diameter are those of the largest component (%d of %d cities); global efficiency counts 0 for the pairs without a path", ps.Component, ps.Nodes)
	}
	if ps.Nodes > 1 {
		ge := ps.GlobalEfficiency
		w.GlobalEfficiency, w.GlobalEfficiencySE = &ge, ps.GlobalEfficiencySE
	}
	return nil
}

func (s *study) smallWorld(w *WholeNetwork) error {
	net := s.net
	n, m := net.Nodes(), net.Links()
	switch attempts := smallWorldAttempts(n, m); {
	case net.Directed():
		s.warnf("the small-world coefficients sigma and omega were not computed: they are defined for undirected networks")
		return nil
	case 2*m < n*(n-1) && attempts > SmallWorldMaxAttempts:
		s.warnf("the small-world coefficients sigma and omega were not computed: their 30 reference networks would make about %.3g swap attempts (%d links, each rewired 10 to 100 times), over the %d collab makes in a study (about a second per 4 million)", attempts, m, SmallWorldMaxAttempts)
		return nil
	}
	sw, err := net.SmallWorld(s.ctx, graph.SmallWorldOptions{Seed: s.p.Seed})
	if err != nil {
		return err
	}
	w.SmallWorldSigma, w.SmallWorldOmega = sw.Sigma, sw.Omega
	if sw.Undefined != "" {
		s.warnf("small-world coefficients: %s", sw.Undefined)
	}
	return nil
}

// smallWorldAttempts estimates the swap attempts of SmallWorld's
// references with NetworkX's defaults on n nodes and m links.
func smallWorldAttempts(n, m int) float64 {
	if n < 2 {
		return 0
	}
	return 1150 * float64(m) * max(1, float64(2*m)/float64(n-1))
}
