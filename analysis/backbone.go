package analysis

import (
	"math"
	"strconv"
	"strings"

	"collab/graph"
	"collab/param"
)

// Backbone chooses the links the topological network measures read
// (degree, binary clustering, k-cores, Burt's constraint and effective
// size, Krackhardt's connectedness): on a complete gravity network every
// degree is n-1, binary clustering 1 and every city in one k-core, so
// they say nothing until the weakest links are set aside. The weighted
// measures (strength, shortest paths over 1/weight, PageRank, eigenvector,
// weighted clustering, communities, core-periphery) always read every
// link. It is written auto, none, disparity:ALPHA or top:K.
type Backbone struct {
	// Kind is auto (disparity:DefaultBackboneAlpha on a dense network,
	// density above DenseNetwork, unless that keeps no link; else none),
	// none, disparity (the
	// disparity filter of Serrano, Boguñá and Vespignani 2009: a link is
	// kept when its alpha is below Alpha at either end) or top (each city
	// keeps its K strongest links).
	Kind  string
	Alpha float64
	K     int
}

// DefaultBackboneAlpha is the significance level of the automatic
// disparity backbone: the 0.05 of Serrano et al.'s examples.
const DefaultBackboneAlpha = 0.05

// DenseNetwork is the density above which the automatic backbone filters
// the network: above it more than half of all pairs are linked and the
// topological measures barely vary between cities.
const DenseNetwork = 0.5

// UnmarshalText implements encoding.TextUnmarshaler.
func (b *Backbone) UnmarshalText(text []byte) error {
	s := string(text)
	kind, arg, hasArg := strings.Cut(s, ":")
	switch {
	case (kind == "auto" || kind == "none") && !hasArg:
		*b = Backbone{Kind: kind}
	case kind == "disparity" && hasArg:
		a, err := strconv.ParseFloat(arg, 64)
		if err != nil || !(a > 0 && a <= 1) {
			return param.Quotedf("backbone", s, "ALPHA must be a significance level in (0, 1], e.g. disparity:0.05")
		}
		*b = Backbone{Kind: kind, Alpha: a}
	case kind == "top" && hasArg:
		k, err := strconv.Atoi(arg)
		if err != nil || k < 1 {
			return param.Quotedf("backbone", s, "K must be a whole number of links >= 1, e.g. top:3")
		}
		*b = Backbone{Kind: kind, K: k}
	default:
		return param.Quotedf("backbone", s, "choose auto, none, disparity:ALPHA (the disparity filter, e.g. disparity:0.05) or top:K (each city's K strongest links, e.g. top:3)")
	}
	return nil
}

// String spells b as UnmarshalText reads it.
func (b Backbone) String() string {
	switch b.Kind {
	case "disparity":
		return "disparity:" + strconv.FormatFloat(b.Alpha, 'g', -1, 64)
	case "top":
		return "top:" + strconv.Itoa(b.K)
	}
	return b.Kind
}

// MarshalText implements encoding.TextMarshaler.
func (b Backbone) MarshalText() ([]byte, error) { return []byte(b.String()), nil }

func (b Backbone) check() error {
	if b.Kind == "" {
		return nil // a Parameters literal without a backbone: none
	}
	var parsed Backbone
	if err := parsed.UnmarshalText([]byte(b.String())); err != nil {
		return err
	}
	if parsed != b {
		return param.Quotedf("backbone", b.String(), "Alpha belongs to disparity and K to top only")
	}
	return nil
}

// BackboneSummary describes the network the topological measures read.
type BackboneSummary struct {
	Kind    string  `json:"kind"` // as parameters.backbone, resolved
	Links   int     `json:"links"`
	Density float64 `json:"density"`
	// Measures names the measures read from the backbone.
	Measures []string `json:"measures"`
}

// topologicalMeasures are the measures the backbone is for.
var topologicalMeasures = []string{"degree", "clustering_binary", "core", "constraint", "effective_size", "connectedness"}

// backbone resolves the Backbone parameter for net and returns the network
// the topological measures read: net itself for none.
func (s *study) backbone(net *graph.Network) (*graph.Network, *BackboneSummary, error) {
	b := s.p.Backbone
	auto := b.Kind == "auto"
	switch {
	case auto && net.Density() > DenseNetwork:
		b = Backbone{Kind: "disparity", Alpha: DefaultBackboneAlpha}
	case b.Kind == "auto" || b.Kind == "":
		b = Backbone{Kind: "none"}
	}
	s.p.Backbone = b
	var keep []bool
	switch b.Kind {
	case "none":
		return net, nil, nil
	case "disparity":
		alpha := net.Disparity()
		keep = make([]bool, len(alpha))
		for i, a := range alpha {
			keep[i] = a < b.Alpha
		}
	case "top":
		var err error
		if keep, err = net.Strongest(b.K); err != nil {
			return nil, nil, err
		}
	}
	kept, err := net.Keep(keep)
	if err != nil {
		return nil, nil, err
	}
	if auto && kept.Links() == 0 && net.Links() > 0 {
		// Too few cities for any link to be significant (with k = 2 a link
		// needs 95% of a city's strength): measure the whole network, which
		// the report then says is uninformative.
		s.p.Backbone = Backbone{Kind: "none"}
		s.warnf("the automatic %s backbone keeps none of the network's %d links (on so few cities no link carries enough of a city's strength to be significant): the topological measures read every link", b, net.Links())
		return net, nil, nil
	}
	sum := &BackboneSummary{Kind: b.String(), Links: kept.Links(), Density: kept.Density(), Measures: topologicalMeasures}
	if kept.Links() == 0 && net.Links() > 0 {
		s.warnf("the %s backbone keeps none of the network's %d links: every city's degree is 0; raise ALPHA or use top:K", b, net.Links())
	}
	return kept, sum, nil
}

// Complete reports whether a network of n cities with this density links
// every pair (up to rounding).
func Complete(n int, density float64) bool { return n > 2 && math.Abs(density-1) < 1e-12 }
