package analysis

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"collab/data"
	"collab/geom"
	"collab/graph"
	"collab/param"
	"collab/spell"
)

// DyadicMatrices are the dyadic matrices DyadicMatrix builds from a
// dataset, besides its links.
var DyadicMatrices = []string{"distance", "same_province", "score_gap", "gravity"}

// DyadicMatrix is the matrix of the cities of ds that name asks for, the
// terms of QAP and MRQAP (graph.QAPCorrelate, graph.MRQAP):
//
//	links          the dataset's links, their weights (0 where none; the
//	               links of several kinds on one pair added)
//	links:KIND     its links of that kind only
//	distance       great-circle distance d_ij in km
//	same_province  1 for two cities of one province, else 0
//	score_gap      |s_i - s_j|, the scores of year index yi
//	gravity        s_i s_j / max(d_ij, graph.MinDistance)^beta, the study's gravity model
//
// p names the parameter in errors: an unknown name suggests the nearest, a
// kind no link has lists the kinds.
func DyadicMatrix(ds *data.Dataset, yi int, name string, beta float64, p param.Name) (*graph.Dyadic, error) {
	kind, arg, hasArg := strings.Cut(name, ":")
	n := len(ds.Cities)
	points := ds.Points()
	switch kind {
	case "links":
		if !hasArg {
			return LinkMatrix(ds, ds.Links, name, p)
		}
		return LinkMatrix(ds, linksOfKind(ds.Links, arg), name, p)
	case "distance":
		return graph.DistanceMatrix(n, func(i, j int) float64 { return geom.Distance(points[i], points[j]) })
	case "same_province":
		provinces := make([]string, n)
		for i, c := range ds.Cities {
			provinces[i] = c.Province
		}
		return graph.SameGroupMatrix(provinces), nil
	case "score_gap":
		return graph.GapMatrix(ds.Scores(yi))
	case "gravity":
		scores := ds.Scores(yi)
		return graph.DistanceMatrix(n, func(i, j int) float64 {
			d := max(geom.Distance(points[i], points[j]), graph.MinDistance)
			return scores[i] * scores[j] / math.Pow(d, beta)
		})
	}
	known := append([]string{"links", "links:KIND", "file:PATH"}, DyadicMatrices...)
	if near := spell.Nearest(name, append([]string{"links"}, DyadicMatrices...)); near != "" {
		return nil, param.Quotedf(p, name, "no such matrix (did you mean %q?); the matrices are %s", near, strings.Join(known, ", "))
	}
	return nil, param.Quotedf(p, name, "no such matrix; the matrices are %s", strings.Join(known, ", "))
}

// LinkMatrix is the weighted adjacency of links over the cities of ds;
// name (as the caller wrote it) and p say which term an error is about.
// No links is a param.Error naming the kinds there are; links that cannot
// form a matrix (a repeated pair) are an error of the data.
func LinkMatrix(ds *data.Dataset, links []data.Link, name string, p param.Name) (*graph.Dyadic, error) {
	if len(links) == 0 {
		kinds := linkKinds(ds.Links)
		switch {
		case len(ds.Links) == 0:
			return nil, &param.Error{Param: p, Value: name, Reason: param.Textf("the dataset has no links (add \"links\" to it, or give them in a links file)")}
		case len(kinds) == 0:
			return nil, &param.Error{Param: p, Value: name, Reason: param.Textf("no link has that kind; the dataset's links have no \"kind\" (use %s links)", p)}
		}
		return nil, &param.Error{Param: p, Value: name, Reason: param.Textf("no link has that kind; the kinds are %s", strings.Join(kinds, ", "))}
	}
	edges, _ := linkEdges(ds, links) // links of several kinds on a pair add up
	m, err := graph.LinkMatrix(len(ds.Cities), edges, ds.Directed)
	if err != nil {
		return nil, fmt.Errorf("%s: %s", name, strings.TrimPrefix(err.Error(), "graph: link matrix: "))
	}
	return m, nil
}

func linksOfKind(links []data.Link, kind string) []data.Link {
	var out []data.Link
	for _, l := range links {
		if l.Kind == kind {
			out = append(out, l)
		}
	}
	return out
}

// linkKinds lists the kinds of the links, quoted, in order of first
// appearance.
func linkKinds(links []data.Link) []string {
	var kinds []string
	seen := map[string]bool{}
	for _, l := range links {
		if l.Kind != "" && !seen[l.Kind] {
			seen[l.Kind] = true
			kinds = append(kinds, strconv.Quote(l.Kind))
		}
	}
	return kinds
}
