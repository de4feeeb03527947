package analysis

import (
	"collab/geom"
	"context"
	"errors"
	"fmt"
	"slices"

	"collab/data"
	"collab/graph"
	"collab/param"
	"collab/spatial"
)

// Parameters are the choices that shape a study; Result.Parameters records
// them, resolved, so that a results file says how it was produced. Each
// concern's parameters are an embedded struct defined beside the concern;
// their JSON keys appear flat.
type Parameters struct {
	// Year picks the cross-section of a panel; 0 means the latest year.
	Year  int        `json:"year"`
	Tiers TierScheme `json:"tiers"`
	// Skip lists stages not to run: network, spatial.
	Skip []Stage `json:"skip"`
	// Seed seeds every random choice: Louvain's node order and the
	// permutation tests.
	Seed uint64 `json:"seed"`
	NetworkParameters
	SpatialParameters
	PatternParameters
	DynamicsParameters
	ModelParameters
}

// DefaultParameters are the defaults of `collab analyze`.
func DefaultParameters() Parameters {
	return Parameters{Tiers: DefaultTiers(), Skip: []Stage{}, Seed: DefaultSeed, NetworkParameters: DefaultNetworkParameters(),
		SpatialParameters: DefaultSpatialParameters(), PatternParameters: DefaultPatternParameters(),
		DynamicsParameters: DefaultDynamicsParameters()}
}

// DefaultSeed is the seed of `collab analyze`: GeoDa's default seed.
const DefaultSeed = 123456789

// ParameterError is a parameter that does not fit the dataset or is out of
// range: which parameter, the value given and why. The command line
// reports it as a usage error, naming the flag.
type ParameterError = param.Error

// Result is everything a study found. Its JSON form is collab's stable
// results contract, documented key for key in the README.
type Result struct {
	Version      string          `json:"version"`
	Dataset      DatasetInfo     `json:"dataset"`
	Summary      Summary         `json:"summary"`
	Network      *NetworkSummary `json:"network"` // null when skipped
	Weights      *WeightsSummary `json:"weights"`
	Moran        *Moran          `json:"moran"` // null when spatial is skipped
	LISA         *LISASummary    `json:"lisa"`
	Cities       []City          `json:"cities"`
	Links        []Link          `json:"links"`
	Blocks       *BlockTable     `json:"blocks"` // null when the network is skipped or too large
	Belts        []Belt          `json:"belts"`
	Pairs        []Pair          `json:"pairs"`
	Sectors      []Sector        `json:"sectors"`
	IsolatedHubs []IsolatedHub   `json:"isolated_hubs"`
	Latecomers   []Latecomer     `json:"latecomers"`
	HubReach     []HubReach      `json:"hub_reach"`
	Trend        *Trend          `json:"trend"`    // null for a single year
	Dynamics     *Dynamics       `json:"dynamics"` // null for a single year
	Model        *Model          `json:"model"`    // null when no model is asked for
	Parameters   Parameters      `json:"parameters"`
	Scale        *RegionScale    `json:"scale"` // the region's span and the parameters chosen from it
	Warnings     []string        `json:"warnings"`
	// Geography is what the GIS outputs need besides the contract.
	Geography *Geography `json:"-"`
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

// City is one city's row of results: flat keys, one per measure. Each
// concern's measures are an embedded struct defined beside the concern.
type City struct {
	Place
	*Centrality      // nil, and its keys left out, when the network is skipped
	*Structure       // likewise
	*BlockPosition   // nil when the network is skipped
	*Autocorrelation // nil when the spatial statistics are skipped
	Spillover
	Pattern
}

// Place is what a city is: its identity, position and score.
type Place struct {
	ID        string  `json:"id"`
	Name      string  `json:"name"`
	NameLocal string  `json:"name_local"`
	Province  string  `json:"province"`
	Lat       float64 `json:"lat"`
	Lon       float64 `json:"lon"`
	Score     float64 `json:"score"`
	Ratio     float64 `json:"ratio"`
	Tier      int     `json:"tier"`
}

// ErrNoMean is returned when every score is zero: ratios to the mean, and so
// tiers and inequality, are undefined.
var ErrNoMean = errors.New("every score is 0: ratios to the mean and inequality are undefined")

// Run carries out the study of ds with parameters p. ctx stops it between
// stages and inside the long ones; a stopped study returns
// context.Cause(ctx) (for instance, which signal stopped it).
func Run(ctx context.Context, ds *data.Dataset, p Parameters, opts ...Option) (*Result, error) {
	s, res, err := newStudy(ctx, ds, p)
	if err != nil {
		return nil, err
	}
	for _, o := range opts {
		o(&s.o)
	}
	return s.run(res, s.stages())
}

// stages are the steps of a whole study, in order: each fills its part of
// the result, and later stages may read what earlier ones found.
func (s *study) stages() []stage {
	return []stage{
		{"summary", "", s.summarise},
		{"network", "network", s.linkage},
		{"centrality", "network", s.centrality},
		{"structure", "network", s.structure},
		{"positions", "network", s.positions},
		{"weights", "", s.weights},
		{"spatial statistics", "spatial", s.autocorrelation},
		{"spillover", "", s.spillover},
		{"pattern", "", s.pattern},
		{"trend", "", s.trend},
		{"dynamics", "", s.dynamicsStage},
		{"model", "", s.modelStage},
	}
}

// stage is one step of a study: its name (for progress and timings), the
// --skip value that leaves it out ("" for stages others depend on), and
// what it does.
type stage struct {
	name string
	skip Stage
	run  func(*Result) error
}

// newStudy checks the parameters and prepares a study of the year they ask
// for.
func newStudy(ctx context.Context, ds *data.Dataset, p Parameters) (*study, *Result, error) {
	if err := p.check(); err != nil {
		return nil, nil, err
	}
	yi, err := ds.YearIndex(p.Year)
	if err != nil {
		return nil, nil, err
	}
	s := &study{ctx: ctx, ds: ds, p: p, scores: ds.Scores(yi), points: ds.Points()}
	for _, w := range ds.Warnings {
		s.warnings = append(s.warnings, w.Error())
	}
	res := &Result{Dataset: datasetInfo(ds), Cities: make([]City, len(ds.Cities)), Geography: geographyOf(ds)}
	if len(ds.Years) > 0 {
		year := ds.Years[yi]
		res.Summary.Year = &year
		s.p.Year = year
	}
	return s, res, nil
}

// run carries out the stages in order, but those --skip names, and
// completes the result.
func (s *study) run(res *Result, stages []stage) (*Result, error) {
	for _, st := range stages {
		if st.skip != "" && slices.Contains(s.p.Skip, st.skip) {
			continue
		}
		if s.ctx.Err() != nil {
			return nil, context.Cause(s.ctx)
		}
		s.o.report(st.name, 0, 0)
		if err := st.run(res); err != nil {
			if s.ctx.Err() != nil {
				return nil, context.Cause(s.ctx)
			}
			return nil, err
		}
	}
	if s.ctx.Err() != nil { // cancelled during the last stage
		return nil, context.Cause(s.ctx)
	}
	if res.Links == nil {
		res.Links = []Link{}
	}
	res.Parameters = s.p
	if s.scale.Chosen == nil {
		s.scale.Chosen = []Choice{}
	}
	res.Scale = &s.scale
	res.Warnings = s.warnings
	if res.Warnings == nil {
		res.Warnings = []string{}
	}
	return res, nil
}

func (p *Parameters) check() error {
	if len(p.Tiers.Cuts) == 0 {
		return param.Errorf("tiers", "", "give at least one cut point, e.g. ratio:5,1,0.5")
	}
	for _, skip := range p.Skip {
		if !skip.valid() {
			return param.Quotedf("skip", string(skip), "choose network (the linkage network and its centrality) or spatial (weights, Moran's I, LISA, Gi*)")
		}
	}
	for _, check := range []func() error{
		p.NetworkParameters.check,
		p.SpatialParameters.check,
		p.PatternParameters.check,
		p.DynamicsParameters.check,
		p.ModelParameters.check,
	} {
		if err := check(); err != nil {
			return err
		}
	}
	return nil
}

func datasetInfo(ds *data.Dataset) DatasetInfo {
	info := DatasetInfo{Name: ds.Name, Source: ds.Input.Source, ScoreLabel: ds.ScoreLabel, Cities: len(ds.Cities),
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
	ctx    context.Context
	o      options
	ds     *data.Dataset
	points []geom.Point // the cities' positions
	p      Parameters
	scores []float64
	ratio  []float64
	tier   []int
	net    *graph.Network
	topo   *graph.Network // the backbone of net the topological measures read
	// lengths summarises the centrality's shortest paths over 1/weight.
	lengths *graph.PathSummary
	// w are the spatial weights, transformed as --standardize asks;
	// adjacent the same links made symmetric and binary, the neighbour
	// relation of the pattern; lag the spatial lag of the scores, Wy.
	w        *spatial.Weights
	adjacent *spatial.Weights
	lag      []float64
	cities   []City // the result's cities, as the stages so far filled them
	scale    RegionScale
	warnings []string
}

func (s *study) warnf(format string, args ...any) {
	s.warnings = append(s.warnings, fmt.Sprintf(format, args...))
}

// summarise places the cities and measures the distribution of their
// scores: inequality and tiers.
func (s *study) summarise(res *Result) error {
	sum := &res.Summary
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
	for i, c := range s.ds.Cities {
		res.Cities[i].Place = Place{ID: c.ID, Name: c.Name, NameLocal: c.NameLocal, Province: c.Province,
			Lat: c.Lat, Lon: c.Lon, Score: s.scores[i], Ratio: s.ratio[i], Tier: s.tier[i]}
	}
	return nil
}

// distance is the great-circle distance in km between cities i and j.
func (s *study) distance(i, j int) float64 {
	return geom.Distance(s.points[i], s.points[j])
}

// pointsOf returns the positions of the cities given by index.
func (s *study) pointsOf(cities []int) []geom.Point {
	p := make([]geom.Point, len(cities))
	for k, i := range cities {
		p[k] = s.points[i]
	}
	return p
}
