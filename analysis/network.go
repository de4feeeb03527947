package analysis

import (
	"fmt"
	"slices"

	"collab/data"
	"collab/graph"
	"collab/param"
	"collab/spatial"
)

// NetworkParameters shape the linkage network and its measures.
type NetworkParameters struct {
	// Edges is auto, gravity, links or both: auto uses the dataset's links
	// when it has any, else the gravity model.
	Edges Edges `json:"edges"`
	// Beta is the distance-decay exponent of the gravity model.
	Beta float64 `json:"beta"`
	// LinkShare weighs observed links against gravity when Edges is both.
	LinkShare float64 `json:"link_share"`
	// FullBelow is the region size under which gravity links every pair;
	// from it on each city keeps its Keep strongest links.
	FullBelow int `json:"full_below"`
	Keep      int `json:"keep"`
	// Damping is PageRank's damping factor.
	Damping float64 `json:"damping"`
	// Directed makes gravity links directed, each city sending its share of
	// the pair's mass, k_ij = M_i/(M_i + M_j). Observed links are directed
	// when the dataset says so (and gravity links mixed with them then are
	// too); the result records whether the network was.
	Directed bool `json:"directed"`
	// Resolution is Louvain's resolution (1 = classic modularity; larger
	// values give more, smaller communities).
	Resolution float64 `json:"resolution"`
	// Communities is the number of seeded Louvain runs; the partition of
	// highest modularity is kept.
	Communities int `json:"communities"`
	// BetweennessSample is the number of sources the shortest-path
	// measures are estimated from: 0 for every city (exact), AutoSample to
	// choose by size (exact up to AutoExactMax cities).
	BetweennessSample Sample `json:"betweenness_sample"`
	// RoleBand is the margin around an even split of a city's linkage
	// within which a city of a directed network is brokering: radiating
	// above 0.5 + RoleBand of its linkage sent, receiving below 0.5 -
	// RoleBand.
	RoleBand float64 `json:"role_band"`
	// Backbone chooses the links of the topological measures (degree,
	// binary clustering, k-cores, constraint, connectedness); results
	// record the resolved choice.
	Backbone Backbone `json:"backbone"`
}

// DefaultNetworkParameters are the defaults of `collab analyze`.
func DefaultNetworkParameters() NetworkParameters {
	return NetworkParameters{Edges: "auto", Beta: 2, LinkShare: 0.5, FullBelow: 300, Keep: 8, Damping: 0.85,
		Resolution: 1, Communities: 1, RoleBand: 0.05, BetweennessSample: AutoSample, Backbone: Backbone{Kind: "auto"}}
}

func (p *NetworkParameters) check() error {
	if err := p.Backbone.check(); err != nil {
		return err
	}
	switch {
	case !p.Edges.valid():
		return param.Quotedf("edges", string(p.Edges), "choose auto, gravity, links or both")
	case !(p.Beta > 0) || p.Beta > 10:
		return param.Errorf("beta", p.Beta, "the distance-decay exponent must be in (0, 10]; 2 is customary")
	case !(p.LinkShare >= 0 && p.LinkShare <= 1):
		return param.Errorf("link-share", p.LinkShare, "must be between 0 and 1")
	case p.Keep < 1:
		return param.Errorf("keep", p.Keep, "each city must keep at least 1 link")
	case p.FullBelow < 0:
		return param.Errorf("full-below", p.FullBelow, "must be >= 0")
	case p.BetweennessSample < AutoSample || p.BetweennessSample == 1:
		return param.Errorf("betweenness-sample", p.BetweennessSample, "give auto, all, or a number of sources from 2")
	case !(p.Damping > 0 && p.Damping < 1):
		return param.Errorf("damping", p.Damping, "must be in (0, 1)")
	case !(p.Resolution > 0) || p.Resolution > 1e6:
		return param.Errorf("resolution", p.Resolution, "must be > 0; 1 is classic modularity, larger values give smaller communities")
	case p.Communities < 1 || p.Communities > maxCommunityRuns:
		return param.Errorf("communities", p.Communities, "the number of Louvain runs must be from 1 to %d", maxCommunityRuns)
	case !(p.RoleBand >= 0 && p.RoleBand < 0.5):
		return param.Errorf("role-band", p.RoleBand, "must be in [0, 0.5); 0.05 calls a city radiating above 55%% of its linkage sent")
	}
	return nil
}

// NetworkSummary describes the linkage network.
type NetworkSummary struct {
	Edges            string  `json:"edges"` // gravity, links or both
	Directed         bool    `json:"directed"`
	Nodes            int     `json:"nodes"`
	Links            int     `json:"links"`
	Density          float64 `json:"density"`
	TotalWeight      float64 `json:"total_weight"`
	Components       int     `json:"components"`
	LargestComponent int     `json:"largest_component"`
	// PathSources is the number of cities the shortest paths were searched
	// from: every city (exact measures) or a sample (estimates).
	PathSources int `json:"path_sources"`
	// BetweennessError is the median relative standard error of the
	// estimated betweenness of the ten most central cities; null when exact.
	BetweennessError *float64 `json:"betweenness_error"`
	StructureSummary
	// Backbone is the network the topological measures read; null when
	// they read every link (backbone none).
	Backbone *BackboneSummary `json:"backbone"`
	WholeNetwork
}

// Centrality is a city's position in the linkage network.
type Centrality struct {
	Degree      int     `json:"degree"`
	Strength    float64 `json:"strength"`
	Betweenness float64 `json:"betweenness"`
	Closeness   float64 `json:"closeness"`
	Harmonic    float64 `json:"harmonic"`
	PageRank    float64 `json:"pagerank"`
	Eigenvector float64 `json:"eigenvector"`
	Component   int     `json:"component"`
	// BetweennessSE is the standard error of an estimated betweenness;
	// null when every city was a source (exact).
	BetweennessSE *float64 `json:"betweenness_se"`
}

// Link is one link of the network, by city id.
type Link struct {
	Source     string  `json:"source"`
	Target     string  `json:"target"`
	DistanceKm float64 `json:"distance_km"`
	Weight     float64 `json:"weight"`
}

// AutoSample asks for exact shortest-path measures up to AutoExactMax
// cities and estimates from AutoSources sources above.
const AutoSample = -1

// AutoExactMax and AutoSources set the automatic choice. Exact betweenness
// and closeness cost O(n m log n), growing about as n^2 on regional
// networks: about 10 s for 10,000 cities with 8 neighbours each on the
// project's 2-core machine, and four times that for 20,000. Above
// AutoExactMax, AutoSources sampled sources keep a run interactive:
// the sources are stratified over compact pieces of the network
// (graph.ShortestPaths), which on ../shared/bench/gen.py's regions leaves
// standard errors 2.5 to 3 times smaller than as many sources drawn at
// random. 500 of them state 1.35% for the ten most central cities'
// betweenness at 20,000 cities and 1.30-1.35% at 100,000, below the 1.6%
// that 2,000 random sources stated at 20,000, in a quarter of their
// searches. docs/PERFORMANCE.md has the figures.
const (
	AutoExactMax = 10000
	AutoSources  = 500
)

// pathSample resolves BetweennessSample for a network of n cities: 0 for
// exact, else the number of sources.
func (p *NetworkParameters) pathSample(n int) int {
	switch {
	case p.BetweennessSample == AutoSample && n > AutoExactMax:
		return AutoSources
	case p.BetweennessSample == AutoSample || int(p.BetweennessSample) >= n:
		return 0
	}
	return int(p.BetweennessSample)
}

// convergenceTol is the L1 change at which PageRank and eigenvector
// iterations stop.
const convergenceTol = 1e-12

// linkage builds the network.
func (s *study) linkage(res *Result) error {
	net, err := s.network()
	if err != nil {
		return err
	}
	s.net = net
	res.Network = s.networkSummary(net)
	if s.topo, res.Network.Backbone, err = s.backbone(net); err != nil {
		return err
	}
	res.Links = s.links(net)
	return nil
}

// centrality measures every city's place in the network.
func (s *study) centrality(res *Result) error {
	net, cities := s.net, res.Cities
	sample := s.p.pathSample(net.Nodes())
	s.p.BetweennessSample = Sample(sample) // recorded resolved: 0 exact, else the sources
	pc, err := net.ShortestPaths(s.ctx, graph.PathOptions{Sample: sample, Seed: s.p.Seed,
		Progress: func(done, total int) { s.o.report("centrality", done, total) }})
	if err != nil {
		return err
	}
	s.lengths = &pc.Lengths
	res.Network.PathSources = net.Nodes()
	if pc.Sampled > 0 {
		res.Network.PathSources = pc.Sampled
		res.Network.BetweennessError = topRelativeError(pc)
	}
	pagerank, ok := net.PageRank(s.p.Damping, convergenceTol)
	if !ok {
		s.warnf("PageRank did not converge; its values are approximate")
	}
	eigen, ok := net.Eigenvector(convergenceTol)
	if !ok {
		s.warnf("eigenvector centrality did not converge (the network may have two equally strong parts); its values are approximate")
	}
	degree, strength := s.topo.Degree(), net.Strength()
	component, _ := net.Components()
	for i := range cities {
		cities[i].Centrality = &Centrality{
			Degree: degree[i], Strength: strength[i],
			Betweenness: pc.Betweenness[i], Closeness: pc.Closeness[i], Harmonic: pc.Harmonic[i],
			PageRank: pagerank[i], Eigenvector: eigen[i], Component: component[i],
		}
		if pc.BetweennessSE != nil {
			cities[i].BetweennessSE = &pc.BetweennessSE[i]
		}
	}
	return nil
}

// topRelativeError is the median relative standard error of the estimated
// betweenness of the ten most central cities: the error the report states.
// (Cities whose betweenness comes from a few sources can be missed by a
// sample in a way no sample variance shows; the most central cannot.)
func topRelativeError(pc graph.PathCentrality) *float64 {
	order := make([]int, len(pc.Betweenness))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return descending(pc.Betweenness[a], pc.Betweenness[b]) })
	var rel []float64
	for _, i := range order[:min(10, len(order))] {
		if pc.Betweenness[i] > 0 {
			rel = append(rel, pc.BetweennessSE[i]/pc.Betweenness[i])
		}
	}
	if len(rel) == 0 {
		return nil
	}
	slices.Sort(rel)
	median := rel[len(rel)/2]
	return &median
}

func (s *study) links(net *graph.Network) []Link {
	edges := net.Edges()
	out := make([]Link, len(edges))
	for k, e := range edges {
		out[k] = Link{Source: s.ds.Cities[e.From].ID, Target: s.ds.Cities[e.To].ID,
			DistanceKm: s.distance(e.From, e.To), Weight: e.Weight}
	}
	return out
}

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
		return nil, param.Errorf("edges", mode, "the dataset has no links; use %s gravity, or add \"links\" to the dataset", param.Name("edges"))
	}
	s.p.Edges = mode
	if mode != "gravity" {
		// Observed links carry their own direction; gravity links mixed in
		// with --edges both follow it.
		if s.p.Directed && !s.ds.Directed {
			return nil, param.Errorf("directed", "", "the dataset's links are undirected (%s %s); set \"directed\": true in the dataset to read them as source -> target, or use %s gravity %s", param.Name("edges"), mode, param.Name("edges"), param.Name("directed"))
		}
		s.p.Directed = s.ds.Directed
	}
	if mode != "links" {
		if err := s.checkGravitySize(); err != nil {
			return nil, err
		}
	}
	var edges []graph.Edge
	if mode != "links" {
		gravity, err := s.gravity()
		if err != nil {
			return nil, err
		}
		edges = gravity
	}
	switch mode {
	case "links":
		edges = s.observed()
	case "both":
		edges = combine(s.observed(), edges, s.p.LinkShare, s.p.Directed)
	}
	return graph.New(len(s.ds.Cities), edges, s.p.Directed)
}

// gravity links every pair of cities, or, from FullBelow cities on, each
// city to its Keep strongest, found through a spatial index.
func (s *study) gravity() ([]graph.Edge, error) {
	var links []graph.Edge
	mass := s.masses()
	if n := len(s.ds.Cities); n < s.p.FullBelow || s.p.Keep >= n-1 {
		var err error
		if links, err = graph.Gravity(s.ctx, mass, s.p.Beta, s.distance); err != nil {
			return nil, err
		}
		s.warnUnderflow(mass, len(links))
	} else {
		strongest, err := spatial.Strongest(s.ctx, s.points, mass, s.p.Beta, s.p.Keep, graph.MinDistance)
		if err != nil {
			return nil, err
		}
		links = graph.GravityAmong(mass, s.p.Beta, strongest, s.distance)
	}
	if s.p.Directed {
		return graph.GravityDirected(mass, links), nil
	}
	return links, nil
}

// tinyMass is the largest score below which the gravity model's products
// of scores (at most the largest squared, over distances of up to 20,000
// km to the power beta) could fall below the smallest normal float64.
const tinyMass = 1e-125

// masses are the scores as the gravity model's masses: the scores
// themselves, or, when even the largest is below tinyMass (scores of
// 1e-200 made every weight 0, and the network fell apart without a word),
// the scores divided by the largest, with a warning that the links'
// weights are then relative.
func (s *study) masses() []float64 {
	top := slices.Max(s.scores)
	if top == 0 || top >= tinyMass {
		return s.scores
	}
	s.warnf("every score is below %g: the gravity model uses the scores divided by the largest (%g), so that their products do not underflow to 0; the links' weights are relative", tinyMass, top)
	mass := make([]float64, len(s.scores))
	for i, x := range s.scores {
		mass[i] = x / top
	}
	return mass
}

// warnUnderflow warns when some pairs of cities with positive masses got
// no gravity link: their product over the distance fell below the smallest
// float64 (scores spanning more than 300 orders of magnitude).
func (s *study) warnUnderflow(mass []float64, links int) {
	positive := 0
	for _, m := range mass {
		if m > 0 {
			positive++
		}
	}
	if lost := positive*(positive-1)/2 - links; lost > 0 {
		s.warnf("%d pairs of cities with positive scores get no gravity link: M_i M_j / d^beta is below the smallest positive number collab can hold (about 5e-324)", lost)
	}
}

// observed turns the dataset's links into edges, leaving out those of weight
// 0 (no linkage; a path through them would have infinite length); links of
// several kinds between one pair are one edge of their summed weight.
func (s *study) observed() []graph.Edge {
	positive := make([]data.Link, 0, len(s.ds.Links)) // one allocation: appending to nil copied 461,262 links' worth six times over
	for _, l := range s.ds.Links {
		if l.Weight > 0 {
			positive = append(positive, l)
		}
	}
	if dropped := len(s.ds.Links) - len(positive); dropped > 0 {
		s.warnf("%d links of weight 0 were left out of the network", dropped)
	}
	edges, merged := linkEdges(s.ds, positive)
	if merged > 0 {
		what := fmt.Sprintf("%d pairs of cities have", merged)
		if merged == 1 {
			what = "1 pair of cities has"
		}
		s.warnf("%s links of several kinds: the network adds their weights", what)
	}
	return edges
}

// linkEdges is links as edges over the cities of ds, the links of one pair
// (of several kinds) added into one edge, in the order of their first
// link; merged counts the pairs that had more than one.
func linkEdges(ds *data.Dataset, links []data.Link) (edges []graph.Edge, merged int) {
	index := ds.Index()
	type pair struct{ a, b int }
	at := make(map[pair]int, len(links))
	repeated := map[int]bool{}
	edges = make([]graph.Edge, 0, len(links))
	for _, l := range links {
		e := graph.Edge{From: index[l.Source], To: index[l.Target], Weight: l.Weight}
		key := pair{e.From, e.To}
		if !ds.Directed {
			key = pair{min(e.From, e.To), max(e.From, e.To)}
		}
		if k, seen := at[key]; seen {
			edges[k].Weight += l.Weight
			repeated[k] = true
			continue
		}
		at[key] = len(edges)
		edges = append(edges, e)
	}
	return edges, len(repeated)
}

// combine merges observed and gravity links, each scaled to total 1, as
// share*observed + (1-share)*gravity over the union of pairs (of ordered
// pairs when directed).
func combine(observed, gravity []graph.Edge, share float64, directed bool) []graph.Edge {
	type pair struct{ a, b int }
	weights := map[pair]float64{}
	add := func(edges []graph.Edge, factor float64) {
		var total float64
		for _, e := range edges {
			total += e.Weight
		}
		for _, e := range edges {
			key := pair{e.From, e.To}
			if !directed {
				key = pair{min(e.From, e.To), max(e.From, e.To)}
			}
			weights[key] += factor * e.Weight / total
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

func (s *study) networkSummary(net *graph.Network) *NetworkSummary {
	_, sizes := net.Components()
	ns := NetworkSummary{Edges: string(s.p.Edges), Directed: net.Directed(), Nodes: net.Nodes(), Links: net.Links(),
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
	return &ns
}
