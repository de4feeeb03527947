package analysis

import (
	"collab/data"
	"collab/geom"
	"fmt"
	"math"
	"strings"

	"collab/param"
	"collab/spatial"
)

// SpatialParameters choose the spatial weights and the permutation tests of
// the spatial statistics.
type SpatialParameters struct {
	// Weights is auto, contiguity, queen, knn:K, band:KM or delaunay;
	// auto is queen for cities with boundaries, contiguity when the
	// dataset lists neighbours, else knn:6. Results record the resolved
	// choice.
	Weights Weights `json:"weights"`
	// Standardize is row (rows sum to 1) or binary.
	Standardize Standardize `json:"standardize"`
	// Symmetric makes kNN weights symmetric: i and j are neighbours when
	// either is among the other's K nearest.
	Symmetric bool `json:"symmetric"`
	// Permutations is the number of random permutations of the tests; 0
	// skips them. Parameters.Seed seeds them.
	Permutations int `json:"permutations"`
	// Alpha is the significance level of the LISA clusters; with FDR it is
	// the false discovery rate (Benjamini-Hochberg).
	Alpha float64 `json:"alpha"`
	FDR   bool    `json:"fdr"`
	// SnapM is the distance in metres within which the vertices of two
	// boundaries are one point, for queen weights; 0 means
	// spatial.DefaultSnapM. Recorded when queen weights are used.
	SnapM float64 `json:"snap_m,omitempty"`
	// Given, when set, are the weights to use, one row per city in the
	// dataset's order, such as a GAL or GWT file read with spatial.ReadGAL
	// or spatial.ReadGWT; Weights is then recorded as "file".
	Given *spatial.Weights `json:"-"`
}

func (p *SpatialParameters) snapM() float64 {
	if p.SnapM == 0 {
		return spatial.DefaultSnapM
	}
	return p.SnapM
}

// maxPermutations bounds --permutations (GeoDa offers at most 99999).
const maxPermutations = 999999

// DefaultSpatialParameters are the defaults of `collab analyze`.
func DefaultSpatialParameters() SpatialParameters {
	return SpatialParameters{Weights: Weights{Kind: "auto"}, Standardize: "row", Permutations: 999, Alpha: 0.05}
}

func (p *SpatialParameters) check() error {
	if err := p.Weights.check(); err != nil {
		return err
	}
	switch {
	case !p.Standardize.valid():
		return param.Quotedf("standardize", string(p.Standardize), "choose row (each city's weights sum to 1) or binary")
	case p.Symmetric && p.Weights.Kind != "knn" && p.Weights.Kind != "auto":
		return param.Errorf("symmetric", "", "only knn:K weights can be asymmetric; %s weights are symmetric already", p.Weights.Kind)
	case p.Permutations < 0 || p.Permutations > maxPermutations:
		return param.Errorf("permutations", p.Permutations, "must be between 0 (no permutation test) and %d; 999 is customary", maxPermutations)
	case !(p.Alpha > 0 && p.Alpha < 1):
		return param.Errorf("alpha", p.Alpha, "the significance level must be between 0 and 1, e.g. 0.05")
	case p.SnapM < 0 || math.IsNaN(p.SnapM) || math.IsInf(p.SnapM, 0):
		return param.Errorf("snap-m", p.SnapM, "give a distance in metres > 0, such as 1")
	}
	return nil
}

// WeightsSummary describes the spatial weights the statistics used.
type WeightsSummary struct {
	Kind          string   `json:"kind"` // as parameters.weights, resolved
	Standardize   string   `json:"standardize"`
	Symmetric     bool     `json:"symmetric"`
	Links         int      `json:"links"` // non-zero w_ij; a symmetric pair counts twice
	MinNeighbors  int      `json:"min_neighbors"`
	MeanNeighbors float64  `json:"mean_neighbors"`
	MaxNeighbors  int      `json:"max_neighbors"`
	Islands       []string `json:"islands"` // ids of cities with no neighbour
}

// Moran is global Moran's I of the scores with its inference.
type Moran struct {
	I              Number `json:"i"`
	Expected       Number `json:"expected"`
	VarianceNormal Number `json:"variance_normal"`
	VarianceRandom Number `json:"variance_random"`
	ZNormal        Number `json:"z_normal"`
	ZRandom        Number `json:"z_random"`
	// PNormal and PRandom are one-tailed, on the side of the observed I.
	PNormal      Number `json:"p_normal"`
	PRandom      Number `json:"p_random"`
	PPermutation Number `json:"p_permutation"`
	Permutations int    `json:"permutations"`
}

// LISASummary counts the cities of each LISA cluster.
type LISASummary struct {
	// PseudoP names the rule of every permutation p-value: "folded".
	PseudoP string  `json:"pseudo_p"`
	Alpha   float64 `json:"alpha"`
	FDR     bool    `json:"fdr"`
	// Cutoff is the largest p-value counted significant: alpha, or the
	// Benjamini-Hochberg cut-off with FDR (0 when nothing passes it).
	Cutoff         Number `json:"cutoff"`
	HighHigh       int    `json:"hh"`
	LowHigh        int    `json:"lh"`
	LowLow         int    `json:"ll"`
	HighLow        int    `json:"hl"`
	NotSignificant int    `json:"not_significant"`
	Isolated       int    `json:"isolated"`
}

// Autocorrelation is a city's place in the spatial pattern of scores.
type Autocorrelation struct {
	Neighbors   int    `json:"neighbors"` // under the spatial weights
	Lag         Number `json:"lag"`       // spatial lag of the score: sum_j w_ij s_j
	LocalMoran  Number `json:"local_moran"`
	LocalMoranZ Number `json:"local_moran_z"`
	LocalMoranP Number `json:"local_moran_p"`
	// Quadrant is HH, LH, LL or HL by the signs of the city's deviation
	// from the mean and of its lag's; null for an island.
	Quadrant *string `json:"quadrant"`
	// LISACluster is the quadrant when local_moran_p <= the cut-off, else
	// "not significant"; "isolated" for an island; null when undefined.
	LISACluster *string `json:"lisa_cluster"`
	GiStarZ     Number  `json:"gi_star_z"`
	GiStarP     Number  `json:"gi_star_p"`
}

// Labels of LISACluster besides the quadrants.
const (
	NotSignificant = "not significant"
	Isolated       = "isolated"
)

// weights builds the spatial weights every spatial measure shares: the
// statistics, the spatial lag and the neighbours of the pattern.
func (s *study) weights(res *Result) error {
	w, err := s.spatialWeights()
	if err != nil {
		return err
	}
	res.Weights = s.weightsSummary(w)
	res.Geography.Weights = w
	s.adjacent = w.Symmetrize()
	s.resolveSectorKm()
	s.warnCoverage()
	if s.p.Standardize == "row" {
		w = w.Standardize()
	}
	s.w = w
	s.lag = w.Lag(s.scores)
	return nil
}

// autocorrelation computes Moran's I, local Moran and Getis-Ord Gi* of the
// scores on the spatial weights.
func (s *study) autocorrelation(res *Result) error {
	w, lag := s.w, s.lag
	perm := spatial.Permutations{R: s.p.Permutations, Seed: s.p.Seed}
	m, err := spatial.GlobalMoran(s.ctx, s.scores, w, perm)
	if err != nil {
		return err
	}
	res.Moran = s.moranResult(m)
	if !res.Moran.I.Defined() {
		s.warnf("every city has the same score: Moran's I and the local statistics are undefined (null)")
	}
	lisa, err := spatial.LocalMoran(s.ctx, s.scores, w, perm)
	if err != nil {
		return err
	}
	gi, err := spatial.GetisOrdStar(s.ctx, s.scores, w, perm)
	if err != nil {
		return err
	}
	if s.complete() { // warned in moranResult
		for i := range lisa.P {
			lisa.P[i], lisa.Z[i], gi.P[i] = math.NaN(), math.NaN(), math.NaN()
		}
	}
	var clusters []*string
	res.LISA, clusters = s.classify(w, lisa)
	for i := range res.Cities {
		a := &Autocorrelation{Neighbors: w.Cardinality(i), Lag: Number(lag[i]),
			LocalMoran: Number(lisa.I[i]), LocalMoranZ: Number(lisa.Z[i]), LocalMoranP: Number(lisa.P[i]),
			LISACluster: clusters[i], GiStarZ: Number(gi.Z[i]), GiStarP: Number(gi.P[i])}
		if q := lisa.Quadrant[i]; q != spatial.NoQuadrant && res.Moran.I.Defined() {
			label := q.String()
			a.Quadrant = &label
		}
		res.Cities[i].Autocorrelation = a
	}
	return nil
}

// classify gives each city its LISA cluster (nil when undefined) and counts
// them.
func (s *study) classify(w *spatial.Weights, lisa spatial.LISA) (*LISASummary, []*string) {
	sum := &LISASummary{PseudoP: "folded", Alpha: s.p.Alpha, FDR: s.p.FDR, Cutoff: Number(s.p.Alpha)}
	if s.p.FDR {
		sum.Cutoff = Number(spatial.FDR(lisa.P, s.p.Alpha))
	}
	clusters := make([]*string, len(lisa.P))
	for i := range clusters {
		var label string
		switch p := lisa.P[i]; {
		case w.Cardinality(i) == 0:
			label = Isolated
			sum.Isolated++
		case math.IsNaN(p):
			continue // undefined: no permutations, or equal scores
		case p <= float64(sum.Cutoff):
			label = lisa.Quadrant[i].String()
			switch lisa.Quadrant[i] {
			case spatial.HighHigh:
				sum.HighHigh++
			case spatial.LowHigh:
				sum.LowHigh++
			case spatial.LowLow:
				sum.LowLow++
			case spatial.HighLow:
				sum.HighLow++
			}
		default:
			label = NotSignificant
			sum.NotSignificant++
		}
		clusters[i] = &label
	}
	return sum, clusters
}

// spatialWeights builds the binary weights the parameters ask for (the
// given ones, SpatialParameters.Given, when set) and records the resolved
// choice.
func (s *study) spatialWeights() (*spatial.Weights, error) {
	w, resolved, err := s.weightsOf(s.p.Weights)
	s.p.Weights = resolved
	return w, err
}

// weightsOf builds the weights spec asks for and returns them with spec
// resolved (auto as the kind it chose, band with its distance); the given
// weights, when set, stand for any spec.
func (s *study) weightsOf(spec Weights) (*spatial.Weights, Weights, error) {
	n := len(s.ds.Cities)
	if s.p.Given != nil || spec.Kind == "file" {
		w, err := s.givenWeights()
		return w, Weights{Kind: "file"}, err
	}
	if spec.Kind == "auto" {
		switch {
		case s.ds.HasBoundaries():
			spec = Weights{Kind: "queen"}
			s.choose("weights", "queen", "the cities have boundaries")
		case s.ds.HasNeighbors():
			spec = Weights{Kind: "contiguity"}
			s.choose("weights", "contiguity", "the dataset lists neighbours")
		default:
			spec = Weights{Kind: "knn", K: autoK(n)}
			s.choose("weights", spec.String(), "K = round(sqrt(n)) for n = %d, capped at %d and n-2; the dataset has no neighbours or boundaries", n, MaxAutoK)
		}
	}
	if spec.Kind == "band" && spec.Km == 0 {
		spec.Km = autoBand(s.points)
		s.choose("weights", spec.String(), "the smallest band that leaves no city without a neighbour")
	}
	w, err := s.buildWeights(spec)
	return w, spec, err
}

// buildWeights builds the weights of a resolved spec.
func (s *study) buildWeights(spec Weights) (*spatial.Weights, error) {
	n := len(s.ds.Cities)
	switch spec.Kind {
	case "contiguity":
		if !s.ds.HasNeighbors() {
			return nil, param.Errorf("weights", "contiguity", "the dataset lists no \"neighbors\"; use knn:K, band:KM or delaunay, or add neighbours to the dataset")
		}
		return spatial.Contiguity(listedNeighbours(s.ds))
	case "queen":
		return s.queen()
	case "knn":
		if spec.K > n-1 {
			return nil, param.Errorf("weights", spec, "the region has %d cities, so K can be at most %d", n, n-1)
		}
		if err := checkKNNSize(spec, n, s.p.Symmetric); err != nil {
			return nil, err
		}
		w, err := spatial.KNN(s.points, spec.K)
		if err == nil && s.p.Symmetric {
			w = w.Symmetrize()
		}
		return w, err
	case "band":
		w, err := spatial.DistanceBand(s.points, spec.Km)
		return w, bandError(spec, err)
	}
	return spatial.Delaunay(s.points), nil
}

// queen builds queen contiguity from the cities' boundaries (vertices
// within SnapM metres are one point), joined with any neighbours the
// dataset lists, as GeoDa's and spdep's poly2nb(queen = TRUE) give it.
func (s *study) queen() (*spatial.Weights, error) {
	if !s.ds.HasBoundaries() {
		return nil, param.Errorf("weights", "queen", "the cities have no boundaries (polygons in a GeoJSON file); use contiguity, knn:K, band:KM or delaunay")
	}
	s.p.SnapM = s.p.snapM()
	lists, err := NeighbourLists(s.ds, s.p.SnapM)
	if err != nil {
		return nil, param.Errorf("snap-m", s.p.SnapM, "queen contiguity: %v", err)
	}
	return spatial.Contiguity(lists)
}

// NeighbourLists returns each city's neighbours by index: those the
// dataset lists and, when its cities have boundaries, their queen
// contiguity (spatial.QueenContiguity, vertices within snapM metres): the
// lists of the queen weights, and of the contiguity collab validate
// reports. When the queen contiguity fails (spatial.ErrTooManyContacts)
// the lists returned with the error hold the listed neighbours alone.
func NeighbourLists(ds *data.Dataset, snapM float64) ([][]int, error) {
	lists := listedNeighbours(ds)
	if !ds.HasBoundaries() {
		return lists, nil
	}
	shapes := make([]geom.MultiPolygon, len(ds.Cities))
	for i, c := range ds.Cities {
		shapes[i] = c.Boundary
	}
	queen, err := spatial.QueenContiguity(shapes, snapM)
	if err != nil {
		return lists, err
	}
	for i := range lists {
		lists[i] = append(lists[i], queen[i]...)
	}
	return lists, nil
}

// listedNeighbours maps the dataset's neighbour ids to city indices (the
// data layer has checked that every id exists).
func listedNeighbours(ds *data.Dataset) [][]int {
	index := ds.Index()
	lists := make([][]int, len(ds.Cities))
	for i, c := range ds.Cities {
		for _, id := range c.Neighbors {
			lists[i] = append(lists[i], index[id])
		}
	}
	return lists
}

// maxNamed bounds the cities named in one warning.
const maxNamed = 10

func (s *study) weightsSummary(w *spatial.Weights) *WeightsSummary {
	n := w.Len()
	ws := &WeightsSummary{Kind: s.p.Weights.String(), Standardize: string(s.p.Standardize), Symmetric: s.p.Symmetric,
		Links: w.Links(), MeanNeighbors: float64(w.Links()) / float64(n), MinNeighbors: n, Islands: []string{}}
	for i := range n {
		ws.MinNeighbors = min(ws.MinNeighbors, w.Cardinality(i))
		ws.MaxNeighbors = max(ws.MaxNeighbors, w.Cardinality(i))
	}
	var names []string
	for _, i := range w.Islands() {
		ws.Islands = append(ws.Islands, s.ds.Cities[i].ID)
		if len(names) < maxNamed {
			names = append(names, s.ds.Cities[i].Name)
		}
	}
	if k := len(ws.Islands); k > 0 {
		if k > maxNamed {
			names = append(names, fmt.Sprintf("and %d more", k-maxNamed))
		}
		hint := ""
		if strings.HasPrefix(ws.Kind, "band:") {
			hint = fmt.Sprintf("; the smallest band that leaves none is %.1f km", math.Ceil(spatial.MinBand(s.points)*10)/10)
		}
		s.warnf("%d of %d cities have no neighbour under %s weights: %s; their spatial lag is 0 and they are left out of the LISA tests (\"isolated\")%s",
			k, n, ws.Kind, strings.Join(names, ", "), hint)
	}
	return ws
}
