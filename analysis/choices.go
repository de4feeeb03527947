package analysis

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"collab/param"
)

// The choices of a study that are written as words or small grammars
// (knn:6, band:150) are types that parse themselves
// (encoding.TextUnmarshaler) and write themselves back as they were
// spelled (encoding.TextMarshaler), so that results.json's parameters read
// as the command line was typed and a choice is parsed once, where it
// enters.

// Weights chooses the spatial weights of the statistics.
type Weights struct {
	// Kind is auto (queen for polygon input, contiguity when the dataset
	// lists neighbours, else knn:6), contiguity (the dataset's neighbours),
	// queen (shared boundary points of the cities' polygons), knn, band or
	// delaunay; file for weights given as such (SpatialParameters.Given).
	Kind string
	K    int     // knn: each city's K nearest cities
	Km   float64 // band: every city within Km km
}

// weightKinds are the kinds of Weights that take no argument.
var weightKinds = []string{"auto", "contiguity", "queen", "delaunay", "file"}

// ParseWeights reads auto, contiguity, queen, knn:K, band:KM, band (the
// smallest band without islands) or delaunay.
func ParseWeights(s string) (Weights, error) {
	var w Weights
	err := w.UnmarshalText([]byte(s))
	return w, err
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (w *Weights) UnmarshalText(text []byte) error {
	s := string(text)
	kind, arg, hasArg := strings.Cut(s, ":")
	switch {
	case slices.Contains(weightKinds, kind) && !hasArg:
		*w = Weights{Kind: kind}
	case kind == "knn" && hasArg:
		k, err := strconv.Atoi(arg)
		if err != nil || k < 1 {
			return param.Quotedf("weights", s, "K must be a whole number of neighbours >= 1, e.g. knn:6")
		}
		*w = Weights{Kind: kind, K: k}
	case kind == "band" && !hasArg:
		*w = Weights{Kind: kind} // the band chosen from the region
	case kind == "band" && hasArg:
		km, err := strconv.ParseFloat(arg, 64)
		if err != nil || !(km > 0) || math.IsInf(km, 0) {
			return param.Quotedf("weights", s, "KM must be a distance in km > 0, e.g. band:150")
		}
		*w = Weights{Kind: kind, Km: km}
	default:
		return param.Quotedf("weights", s, "choose contiguity, queen, knn:K (K nearest cities, e.g. knn:6), band:KM (every city within KM km, e.g. band:150) or delaunay")
	}
	return nil
}

// String spells w as ParseWeights reads it.
func (w Weights) String() string {
	switch w.Kind {
	case "knn":
		return "knn:" + strconv.Itoa(w.K)
	case "band":
		if w.Km == 0 {
			return "band"
		}
		return "band:" + strconv.FormatFloat(w.Km, 'g', -1, 64)
	}
	return w.Kind
}

// MarshalText implements encoding.TextMarshaler.
func (w Weights) MarshalText() ([]byte, error) { return []byte(w.String()), nil }

// check validates a Weights built in Go rather than parsed.
func (w Weights) check() error {
	var parsed Weights
	if err := parsed.UnmarshalText([]byte(w.String())); err != nil {
		return err
	}
	if parsed != w {
		return param.Quotedf("weights", w.String(), "K and Km belong to knn and band only")
	}
	return nil
}

// Edges chooses the links of the network: auto (the dataset's links when
// it has any, else gravity), gravity, links or both.
type Edges string

// UnmarshalText implements encoding.TextUnmarshaler.
func (e *Edges) UnmarshalText(text []byte) error {
	if v := Edges(text); v.valid() {
		*e = v
		return nil
	}
	return param.Quotedf("edges", string(text), "choose auto, gravity, links or both")
}

func (e Edges) valid() bool { return e == "auto" || e == "gravity" || e == "links" || e == "both" }

// Standardize is how the weights are transformed: row (each city's weights
// sum to 1) or binary.
type Standardize string

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Standardize) UnmarshalText(text []byte) error {
	if v := Standardize(text); v.valid() {
		*s = v
		return nil
	}
	return param.Quotedf("standardize", string(text), "choose row (each city's weights sum to 1) or binary")
}

func (s Standardize) valid() bool { return s == "row" || s == "binary" }

// Stage names a part of the study that Parameters.Skip may leave out:
// network (links, centrality, structure) or spatial (weights' statistics).
type Stage string

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Stage) UnmarshalText(text []byte) error {
	if v := Stage(text); v.valid() {
		*s = v
		return nil
	}
	return param.Quotedf("skip", string(text), "choose network (the linkage network and its centrality) or spatial (weights, Moran's I, LISA, Gi*)")
}

func (s Stage) valid() bool { return s == "network" || s == "spatial" }

// Sample is the number of sources of the shortest-path measures: AutoSample
// (exact up to AutoExactMax cities, else AutoSources), 0 for every city
// (exact), or K >= 2. It is written "auto", "all" or K, and recorded in
// results as the number resolved (0 when exact).
type Sample int

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Sample) UnmarshalText(text []byte) error {
	switch v := string(text); v {
	case "auto":
		*s = AutoSample
	case "all":
		*s = 0
	default:
		k, err := strconv.Atoi(v)
		if err != nil || k < 2 {
			return param.Quotedf("betweenness-sample", v, "give auto, all, or a number of sources from 2")
		}
		*s = Sample(k)
	}
	return nil
}

// MarshalText implements encoding.TextMarshaler.
func (s Sample) MarshalText() ([]byte, error) {
	switch s {
	case AutoSample:
		return []byte("auto"), nil
	case 0:
		return []byte("all"), nil
	}
	return []byte(strconv.Itoa(int(s))), nil
}

// MarshalJSON writes the number, as results have always recorded it.
func (s Sample) MarshalJSON() ([]byte, error) { return []byte(strconv.Itoa(int(s))), nil }
