package analysis

import (
	"slices"

	"collab/graph"
)

// network builds the linkage network the parameters ask for: the gravity
// model, the dataset's observed links, or both combined.
func (s *study) network() (*graph.Network, error) {
	mode := s.p.Edges
	hasLinks := len(s.ds.Links) > 0
	switch {
	case mode == "auto" && hasLinks:
		mode = "links"
	case mode == "auto":
		mode = "gravity"
	case (mode == "links" || mode == "both") && !hasLinks:
		return nil, paramErrorf("--edges %s: the dataset has no links; use --edges gravity, or add \"links\" to the dataset", mode)
	}
	s.p.Edges = mode
	var edges []graph.Edge
	directed := false
	switch mode {
	case "gravity":
		edges = s.gravity()
	case "links":
		edges, directed = s.observed(), s.ds.Directed
	case "both":
		if s.ds.Directed {
			return nil, paramErrorf("--edges both: the dataset's links are directed and gravity links are not; use --edges links or --edges gravity")
		}
		edges = combine(s.observed(), s.gravity(), s.p.LinkShare)
	}
	return graph.New(len(s.ds.Cities), edges, directed)
}

func (s *study) gravity() []graph.Edge {
	keep := 0
	if len(s.ds.Cities) >= s.p.FullBelow {
		keep = s.p.Keep
	}
	return graph.Gravity(s.scores, s.p.Beta, keep, s.distance)
}

// observed turns the dataset's links into edges, leaving out those of weight
// 0 (no linkage; a path through them would have infinite length).
func (s *study) observed() []graph.Edge {
	index := s.ds.Index()
	edges := make([]graph.Edge, 0, len(s.ds.Links))
	dropped := 0
	for _, l := range s.ds.Links {
		if l.Weight == 0 {
			dropped++
			continue
		}
		edges = append(edges, graph.Edge{From: index[l.Source], To: index[l.Target], Weight: l.Weight})
	}
	if dropped > 0 {
		s.warnf("%d links of weight 0 were left out of the network", dropped)
	}
	return edges
}

// combine merges observed and gravity links, each scaled to total 1, as
// share*observed + (1-share)*gravity over the union of pairs.
func combine(observed, gravity []graph.Edge, share float64) []graph.Edge {
	type pair struct{ a, b int }
	weights := map[pair]float64{}
	add := func(edges []graph.Edge, factor float64) {
		var total float64
		for _, e := range edges {
			total += e.Weight
		}
		for _, e := range edges {
			weights[pair{min(e.From, e.To), max(e.From, e.To)}] += factor * e.Weight / total
		}
	}
	add(observed, share)
	add(gravity, 1-share)
	out := make([]graph.Edge, 0, len(weights))
	for p, w := range weights {
		if w > 0 {
			out = append(out, graph.Edge{From: p.a, To: p.b, Weight: w})
		}
	}
	slices.SortFunc(out, func(x, y graph.Edge) int {
		if x.From != y.From {
			return x.From - y.From
		}
		return x.To - y.To
	})
	return out
}

func (s *study) networkSummary(net *graph.Network) NetworkSummary {
	_, sizes := net.Components()
	ns := NetworkSummary{Edges: s.p.Edges, Directed: net.Directed(), Nodes: net.Nodes(), Links: net.Links(),
		Density: net.Density(), Components: len(sizes)}
	for _, e := range net.Edges() {
		ns.TotalWeight += e.Weight
	}
	for _, c := range sizes {
		ns.LargestComponent = max(ns.LargestComponent, c)
	}
	if len(sizes) > 1 {
		s.warnf("the network has %d components (the largest has %d of %d cities); closeness uses Wasserman-Faust's correction", len(sizes), ns.LargestComponent, ns.Nodes)
	}
	return ns
}
