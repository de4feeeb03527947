package analysis

import (
	"errors"
	"fmt"

	"collab/data"
	"collab/graph"
	"collab/spatial"
)

// Parameters are the choices that shape a study; Result.Parameters records
// them, resolved, so that a results file says how it was produced.
type Parameters struct {
	// Year picks the cross-section of a panel; 0 means the latest year.
	Year int `json:"year"`
	// Edges is auto, gravity, links or both: auto uses the dataset's links
	// when it has any, else the gravity model.
	Edges string `json:"edges"`
	// Beta is the distance-decay exponent of the gravity model.
	Beta float64 `json:"beta"`
	// LinkShare weighs observed links against gravity when Edges is both.
	LinkShare float64 `json:"link_share"`
	// FullBelow is the region size under which gravity links every pair;
	// from it on each city keeps its Keep strongest links.
	FullBelow int `json:"full_below"`
	Keep      int `json:"keep"`
	// Damping is PageRank's damping factor.
	Damping float64    `json:"damping"`
	Tiers   TierScheme `json:"tiers"`
}

// DefaultParameters are the defaults of `collab analyze`.
func DefaultParameters() Parameters {
	return Parameters{Edges: "auto", Beta: 2, LinkShare: 0.5, FullBelow: 300, Keep: 8, Damping: 0.85, Tiers: DefaultTiers}
}

// ParameterError is a parameter that does not fit the dataset or is out of
// range; the command line reports it as a usage error.
type ParameterError struct{ Msg string }

func (e *ParameterError) Error() string { return e.Msg }

func paramErrorf(format string, args ...any) error {
	return &ParameterError{Msg: fmt.Sprintf(format, args...)}
}

// Result is everything a study found. Its JSON form is collab's stable
// results contract, documented key for key in the README.
type Result struct {
	Version    string         `json:"version"`
	Dataset    DatasetInfo    `json:"dataset"`
	Summary    Summary        `json:"summary"`
	Network    NetworkSummary `json:"network"`
	Cities     []City         `json:"cities"`
	Links      []Link         `json:"links"`
	Parameters Parameters     `json:"parameters"`
	Warnings   []string       `json:"warnings"`
}

// DatasetInfo describes the input.
type DatasetInfo struct {
	Name       string   `json:"name"`
	Source     string   `json:"source"`
	ScoreLabel string   `json:"score_label"`
	Cities     int      `json:"cities"`
	Links      int      `json:"links"`
	Years      []int    `json:"years"`
	Notes      []string `json:"notes"`
}

// Summary is the regional picture for the year studied.
type Summary struct {
	Year   *int `json:"year"` // null when the dataset has a single score
	Cities int  `json:"cities"`
	Inequality
	Tiers []Tier `json:"tiers"`
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
}

// City is one city's row of results: flat keys, one per measure.
type City struct {
	ID          string  `json:"id"`
	Name        string  `json:"name"`
	NameLocal   string  `json:"name_local"`
	Province    string  `json:"province"`
	Lat         float64 `json:"lat"`
	Lon         float64 `json:"lon"`
	Score       float64 `json:"score"`
	Ratio       float64 `json:"ratio"`
	Tier        int     `json:"tier"`
	Degree      int     `json:"degree"`
	Strength    float64 `json:"strength"`
	Betweenness float64 `json:"betweenness"`
	Closeness   float64 `json:"closeness"`
	Harmonic    float64 `json:"harmonic"`
	PageRank    float64 `json:"pagerank"`
	Eigenvector float64 `json:"eigenvector"`
	Component   int     `json:"component"`
}

// Link is one link of the network, by city id.
type Link struct {
	Source     string  `json:"source"`
	Target     string  `json:"target"`
	DistanceKm float64 `json:"distance_km"`
	Weight     float64 `json:"weight"`
}

// ErrNoMean is returned when every score is zero: ratios to the mean, and so
// tiers and inequality, are undefined.
var ErrNoMean = errors.New("every score is 0: ratios to the mean and inequality are undefined")

// convergenceTol is the L1 change at which PageRank and eigenvector
// iterations stop.
const convergenceTol = 1e-12

// Run carries out the study of ds with parameters p; source names the input
// in the result.
func Run(ds *data.Dataset, source string, p Parameters) (*Result, error) {
	if err := p.check(); err != nil {
		return nil, err
	}
	yi, err := ds.YearIndex(p.Year)
	if err != nil {
		return nil, &ParameterError{Msg: err.Error()}
	}
	scores := ds.Scores(yi)
	s := &study{ds: ds, p: p, scores: scores}
	for _, w := range ds.Warnings {
		s.warnings = append(s.warnings, w.Error())
	}
	res := &Result{Dataset: datasetInfo(ds, source)}
	if len(ds.Years) > 0 {
		year := ds.Years[yi]
		res.Summary.Year = &year
		s.p.Year = year
	}
	if err := s.summarise(&res.Summary); err != nil {
		return nil, err
	}
	net, err := s.network()
	if err != nil {
		return nil, err
	}
	res.Network = s.networkSummary(net)
	res.Cities = s.cities(net, res.Summary.Mean)
	res.Links = s.links(net)
	res.Parameters = s.p
	res.Warnings = s.warnings
	if res.Warnings == nil {
		res.Warnings = []string{}
	}
	return res, nil
}

func (p *Parameters) check() error {
	switch {
	case p.Edges != "auto" && p.Edges != "gravity" && p.Edges != "links" && p.Edges != "both":
		return paramErrorf("--edges %q: choose auto, gravity, links or both", p.Edges)
	case !(p.Beta > 0) || p.Beta > 10:
		return paramErrorf("--beta %g: the distance-decay exponent must be in (0, 10]; 2 is customary", p.Beta)
	case !(p.LinkShare >= 0 && p.LinkShare <= 1):
		return paramErrorf("--link-share %g: must be between 0 and 1", p.LinkShare)
	case p.Keep < 1:
		return paramErrorf("--keep %d: each city must keep at least 1 link", p.Keep)
	case p.FullBelow < 0:
		return paramErrorf("--full-below %d: must be >= 0", p.FullBelow)
	case !(p.Damping > 0 && p.Damping < 1):
		return paramErrorf("damping %g: must be in (0, 1)", p.Damping)
	case len(p.Tiers.Cuts) == 0:
		return paramErrorf("--tiers: give at least one cut point, e.g. ratio:5,1,0.5")
	}
	return nil
}

func datasetInfo(ds *data.Dataset, source string) DatasetInfo {
	info := DatasetInfo{Name: ds.Name, Source: source, ScoreLabel: ds.ScoreLabel, Cities: len(ds.Cities),
		Links: len(ds.Links), Years: ds.Years, Notes: ds.Notes}
	if info.Years == nil {
		info.Years = []int{}
	}
	if info.Notes == nil {
		info.Notes = []string{}
	}
	return info
}

// study holds what the stages of one run share.
type study struct {
	ds       *data.Dataset
	p        Parameters
	scores   []float64
	ratio    []float64
	tier     []int
	warnings []string
}

func (s *study) warnf(format string, args ...any) {
	s.warnings = append(s.warnings, fmt.Sprintf(format, args...))
}

func (s *study) summarise(sum *Summary) error {
	n := len(s.ds.Cities)
	provinces := make([]string, n)
	ids := make([]string, n)
	for i, c := range s.ds.Cities {
		provinces[i], ids[i] = c.Province, c.ID
	}
	q := measureInequality(s.scores, provinces)
	if q.Mean == 0 {
		return ErrNoMean
	}
	s.ratio = make([]float64, n)
	s.tier = make([]int, n)
	for i, x := range s.scores {
		s.ratio[i] = x / q.Mean
		s.tier[i] = s.p.Tiers.Tier(s.ratio[i])
	}
	sum.Cities = n
	sum.Inequality = q
	sum.Tiers = s.p.Tiers.classify(ids, s.ratio, s.scores)
	return nil
}

// distance is the great-circle distance in km between cities i and j.
func (s *study) distance(i, j int) float64 {
	a, b := &s.ds.Cities[i], &s.ds.Cities[j]
	return spatial.Haversine(a.Lat, a.Lon, b.Lat, b.Lon)
}

func (s *study) cities(net *graph.Network, mean float64) []City {
	pc := net.ShortestPaths()
	pagerank, ok := net.PageRank(s.p.Damping, convergenceTol)
	if !ok {
		s.warnf("PageRank did not converge; its values are approximate")
	}
	eigen, ok := net.Eigenvector(convergenceTol)
	if !ok {
		s.warnf("eigenvector centrality did not converge (the network may have two equally strong parts); its values are approximate")
	}
	degree, strength := net.Degree(), net.Strength()
	component, _ := net.Components()
	out := make([]City, len(s.ds.Cities))
	for i, c := range s.ds.Cities {
		out[i] = City{
			ID: c.ID, Name: c.Name, NameLocal: c.NameLocal, Province: c.Province, Lat: c.Lat, Lon: c.Lon,
			Score: s.scores[i], Ratio: s.ratio[i], Tier: s.tier[i],
			Degree: degree[i], Strength: strength[i],
			Betweenness: pc.Betweenness[i], Closeness: pc.Closeness[i], Harmonic: pc.Harmonic[i],
			PageRank: pagerank[i], Eigenvector: eigen[i], Component: component[i],
		}
	}
	return out
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
