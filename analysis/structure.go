package analysis

import "math"

// maxCommunityRuns bounds --communities.
const maxCommunityRuns = 10000

// Structure is a city's place in the structure of the linkage network.
type Structure struct {
	// Clustering is Onnela's weighted clustering coefficient;
	// ClusteringBinary ignores weights.
	Clustering       float64 `json:"clustering"`
	ClusteringBinary float64 `json:"clustering_binary"`
	// Community is the city's Louvain community, 0 being the largest.
	Community int `json:"community"`
	// Core is the k-core number; Coreness the continuous core-periphery
	// coreness in [0, 1]; InCore whether the city is in the core of the
	// discrete core-periphery split.
	Core     int     `json:"core"`
	Coreness float64 `json:"coreness"`
	InCore   bool    `json:"in_core"`
	// Constraint and EffectiveSize are Burt's structural-hole measures; null
	// for a city without links.
	Constraint    *float64 `json:"constraint"`
	EffectiveSize *float64 `json:"effective_size"`
	// InStrength and OutStrength are the linkage received and sent (both
	// equal to strength when undirected).
	InStrength  float64 `json:"in_strength"`
	OutStrength float64 `json:"out_strength"`
	// LinkageRole is radiating, brokering or receiving in a directed network, by
	// the share of its linkage a city sends; null when undirected or when
	// the city has no links.
	LinkageRole *string `json:"linkage_role"`
}

// The roles of a city in a directed network. The regional-network
// literature reads out-strength as a city radiating (辐射, driving) linkage
// and in-strength as it receiving (集聚, agglomerating) it; a city that
// sends and receives about equally passes linkage on.
const (
	Radiating = "radiating"
	Brokering = "brokering"
	Receiving = "receiving"
)

// StructureSummary describes the structure of the whole network.
type StructureSummary struct {
	// Clustering and ClusteringBinary are the averages over all cities
	// (NetworkX's average_clustering, zeros counted).
	Clustering       float64 `json:"clustering"`
	ClusteringBinary float64 `json:"clustering_binary"`
	// Modularity is the Q of the Louvain partition at the resolution used;
	// null without links.
	Modularity     *float64 `json:"modularity"`
	Communities    int      `json:"communities"`
	CommunitySizes []int    `json:"community_sizes"`
	// CommunityRun is the seeded run (0-based) whose partition was kept.
	CommunityRun int `json:"community_run"`
	// MaxCore is the largest k-core number (the degeneracy).
	MaxCore int `json:"max_core"`
	// CoreSize is the number of cities in the core of the discrete split,
	// CoreFit its correlation with the ideal pattern, CorenessFit the
	// correlation of the continuous model; null when undefined.
	CoreSize    int      `json:"core_size"`
	CoreFit     *float64 `json:"core_fit"`
	CorenessFit *float64 `json:"coreness_fit"`
	// Connectedness is Krackhardt's share of pairs joined by a path
	// (ignoring direction); Hierarchy Krackhardt's share of reachable pairs
	// reachable one way only, null when undirected.
	Connectedness *float64 `json:"connectedness"`
	Hierarchy     *float64 `json:"hierarchy"`
}

// structure measures the network's clustering, communities, cores,
// structural holes and, when directed, each city's role.
func (s *study) structure(res *Result) error {
	net := s.net
	weighted, err := net.Clustering(s.ctx, true)
	if err != nil {
		return err
	}
	topo := s.topo // the backbone: the topological measures
	binary, err := topo.Clustering(s.ctx, false)
	if err != nil {
		return err
	}
	partition, err := net.Louvain(s.ctx, s.p.Resolution, s.p.Seed, s.p.Communities)
	if err != nil {
		return err
	}
	cores := topo.CoreNumbers()
	cp, err := net.CorePeriphery(s.ctx, convergenceTol)
	if err != nil {
		return err
	}
	if !cp.Converged {
		s.warnf("the core-periphery coreness did not converge (on star-like networks the best fit lies at infinity: the hub's coreness tends to 1, its partners' to 0); its values are approximate")
	}
	constraint, effective, err := topo.StructuralHoles(s.ctx)
	if err != nil {
		return err
	}
	in, out := net.InStrength(), net.OutStrength()
	sum := &res.Network.StructureSummary
	*sum = StructureSummary{
		Clustering: mean(weighted), ClusteringBinary: mean(binary),
		Modularity: orNull(partition.Q), Communities: len(partition.Sizes), CommunitySizes: partition.Sizes,
		CommunityRun: partition.Run, CoreFit: orNull(cp.CoreFit), CorenessFit: orNull(cp.Fit),
		Connectedness: orNull(topo.Connectedness()),
	}
	if net.Directed() {
		h, err := net.Hierarchy(s.ctx)
		if err != nil {
			return err
		}
		sum.Hierarchy = orNull(h)
	}
	for i := range res.Cities {
		sum.MaxCore = max(sum.MaxCore, cores[i])
		if cp.Core[i] {
			sum.CoreSize++
		}
		st := &Structure{
			Clustering: weighted[i], ClusteringBinary: binary[i], Community: partition.Community[i],
			Core: cores[i], Coreness: cp.Coreness[i], InCore: cp.Core[i],
			Constraint: orNull(constraint[i]), EffectiveSize: orNull(effective[i]),
			InStrength: in[i], OutStrength: out[i],
		}
		if net.Directed() {
			st.LinkageRole = role(in[i], out[i], s.p.RoleBand)
		}
		res.Cities[i].Structure = st
	}
	return nil
}

// role classifies a city of a directed network by the share of its linkage
// it sends, out/(in+out): radiating above 0.5+band, receiving below
// 0.5-band, brokering between. The literature fixes no cut-off; the band
// is a parameter. nil for a city without links.
func role(in, out, band float64) *string {
	total := in + out
	if total == 0 {
		return nil
	}
	r := Brokering
	switch share := out / total; {
	case share > 0.5+band:
		r = Radiating
	case share < 0.5-band:
		r = Receiving
	}
	return &r
}

func mean(x []float64) float64 {
	if len(x) == 0 {
		return 0
	}
	var sum float64
	for _, v := range x {
		sum += v
	}
	return sum / float64(len(x))
}

// orNull turns an undefined value (NaN, which JSON cannot hold) into null.
func orNull(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}
