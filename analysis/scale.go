package analysis

import (
	"fmt"
	"math"

	"collab/geom"
	"collab/spatial"
)

// Defaults that scale with the region. A fixed kNN K or sector distance
// suits one size of region: knn:6 links each city of an 11-city region to
// 60% of it, and a 250 km sector distance exceeds the Greater Bay Area's
// whole 200 km span, so that no isolated hub can be found there. When the
// user does not set them, collab chooses them from the region:
//
//	K            = min(MaxAutoK, round(sqrt(n))), at most n-2 and at least 1
//	sector-km    = min(MaxAutoSectorKm, round(span / 3)), span the largest
//	               distance between two cities
//	band (no KM) = the smallest distance that leaves no city without a
//	               neighbour, rounded up to 0.1 km (PySAL's
//	               min_threshold_distance)
//
// On the 41-city sample these give K 6 and 250 km (a third of its 802 km
// span is 267 km), today's values. A choice, the user's or the default,
// covers most of the region when it makes more than half of all pairs of
// cities neighbours (weights) or puts more than half of them within the
// distance (sector-km): the study warns.
const (
	MaxAutoK        = 6
	MaxAutoSectorKm = 250
	// MostOfRegion is the share of all pairs of cities above which a
	// choice covers "most" of the region.
	MostOfRegion = 0.5
	// exactScaleMax is the region size up to which the span and the share
	// of pairs within a distance are computed over every pair; above it,
	// from the 8 extreme cities (the span, a lower bound) and from a
	// systematic sample of exactScaleMax cities (the share, an estimate).
	exactScaleMax = 2000
)

// Choice is a parameter the study chose from the region because the user
// left it unset: its value and the rule that gave it.
type Choice struct {
	Parameter string `json:"parameter"`
	Value     string `json:"value"`
	Rule      string `json:"rule"`
}

// RegionScale is the size of the region and the parameters chosen from it.
type RegionScale struct {
	// SpanKm is the largest great-circle distance between two cities.
	SpanKm float64 `json:"span_km"`
	// Chosen lists the parameters chosen from the region, in the order
	// the study resolved them.
	Chosen []Choice `json:"chosen"`
	// NeighbourShare is the share of all pairs of cities that are spatial
	// neighbours (either way); SectorShare the share within sector_km of
	// each other. Above MostOfRegion the study warns.
	NeighbourShare float64 `json:"neighbour_share"`
	SectorShare    float64 `json:"sector_share"`
}

// autoK is the K of the default kNN weights for n cities.
func autoK(n int) int {
	return max(1, min(MaxAutoK, int(math.Round(math.Sqrt(float64(n)))), n-2))
}

// autoSectorKm is the default sector distance for a region of this span.
func autoSectorKm(span float64) float64 {
	return max(1, min(MaxAutoSectorKm, math.Round(span/3)))
}

// autoBand is the smallest band that gives every city a neighbour.
func autoBand(points []geom.Point) float64 {
	return math.Ceil(spatial.MinBand(points)*10) / 10
}

func (s *study) choose(parameter, value, rule string, args ...any) {
	s.scale.Chosen = append(s.scale.Chosen, Choice{Parameter: parameter, Value: value, Rule: fmt.Sprintf(rule, args...)})
}

// span is the largest distance between two cities: over every pair up to
// exactScaleMax cities, else the largest from any city to the 8 extreme
// ones (northernmost, ..., and the extremes of lat+lon and lat-lon), a
// lower bound that the farthest pair of a compact region attains. Pairs
// are compared by the chord between their unit vectors, which orders them
// as the great-circle distance does at a fraction of the cost.
func span(points []geom.Point) float64 {
	n := len(points)
	v := unitVectors(points)
	var best float64 // squared chord
	if n <= exactScaleMax {
		for i := range n {
			for j := i + 1; j < n; j++ {
				best = max(best, chord2(v[i], v[j]))
			}
		}
		return chordKm(best)
	}
	keys := []func(p geom.Point) float64{
		func(p geom.Point) float64 { return p.Lat() }, func(p geom.Point) float64 { return -p.Lat() },
		func(p geom.Point) float64 { return p.Lon() }, func(p geom.Point) float64 { return -p.Lon() },
		func(p geom.Point) float64 { return p.Lat() + p.Lon() }, func(p geom.Point) float64 { return -p.Lat() - p.Lon() },
		func(p geom.Point) float64 { return p.Lat() - p.Lon() }, func(p geom.Point) float64 { return p.Lon() - p.Lat() },
	}
	for _, key := range keys {
		e := 0
		for i, p := range points {
			if key(p) > key(points[e]) {
				e = i
			}
		}
		for i := range v {
			best = max(best, chord2(v[e], v[i]))
		}
	}
	return chordKm(best)
}

func unitVectors(points []geom.Point) [][3]float64 {
	v := make([][3]float64, len(points))
	for i, p := range points {
		lat, lon := p.Lat()*math.Pi/180, p.Lon()*math.Pi/180
		v[i] = [3]float64{math.Cos(lat) * math.Cos(lon), math.Cos(lat) * math.Sin(lon), math.Sin(lat)}
	}
	return v
}

func chord2(a, b [3]float64) float64 {
	x, y, z := a[0]-b[0], a[1]-b[1], a[2]-b[2]
	return x*x + y*y + z*z
}

// chordKm is the great-circle distance of a squared chord of the unit
// sphere.
func chordKm(c2 float64) float64 { return 2 * geom.EarthRadius * math.Asin(min(1, math.Sqrt(c2)/2)) }

// shareWithin is the share of pairs of cities within km of each other:
// over every pair up to exactScaleMax cities, else over the pairs of a
// systematic sample of that many.
func shareWithin(points []geom.Point, km float64) float64 {
	n := len(points)
	if n < 2 {
		return 0
	}
	c := 2 * math.Sin(min(math.Pi/2, km/geom.EarthRadius/2))
	limit := c * c * (1 + 1e-12) // a pair at exactly km counts, as a band's does
	v := unitVectors(points)
	step := max(1, (n+exactScaleMax-1)/exactScaleMax)
	var within, pairs int
	for i := 0; i < n; i += step {
		for j := i + step; j < n; j += step {
			pairs++
			if chord2(v[i], v[j]) <= limit {
				within++
			}
		}
	}
	return float64(within) / float64(pairs)
}

// resolveSectorKm chooses the sector distance from the region when it was
// left unset (0), and records the region's span.
func (s *study) resolveSectorKm() {
	s.scale.SpanKm = span(s.points)
	if s.p.SectorKm != 0 {
		return
	}
	s.p.SectorKm = autoSectorKm(s.scale.SpanKm)
	if third := s.scale.SpanKm / 3; third > MaxAutoSectorKm {
		s.choose("sector-km", fmt.Sprintf("%g", s.p.SectorKm), "the cap; a third of the region's %.0f km span is %.0f km", s.scale.SpanKm, third)
	} else {
		s.choose("sector-km", fmt.Sprintf("%g", s.p.SectorKm), "a third of the region's %.0f km span, capped at %d km", s.scale.SpanKm, MaxAutoSectorKm)
	}
}

// warnCoverage warns when the weights or the sector distance cover most
// of the region.
func (s *study) warnCoverage() {
	n := len(s.points)
	if n < 3 {
		return
	}
	pairs := float64(n) * float64(n-1) / 2
	s.scale.NeighbourShare = float64(s.adjacent.Links()) / 2 / pairs
	s.scale.SectorShare = shareWithin(s.points, s.p.SectorKm)
	auto := len(s.scale.Chosen) > 0 && s.scale.Chosen[0].Parameter == "weights" && s.scale.Chosen[0].Value == s.p.Weights.String()
	switch {
	case s.scale.NeighbourShare > MostOfRegion && auto:
		s.warnf("%s weights, chosen for this region, make %.0f%% of all pairs of the %d cities spatial neighbours, more than half (most of the region): so small a region leaves neighbours little to say about proximity, and its spatial statistics and belts should be read with care",
			s.p.Weights, 100*s.scale.NeighbourShare, n)
	case s.scale.NeighbourShare > MostOfRegion:
		s.warnf("%s weights make %.0f%% of all pairs of the %d cities spatial neighbours, more than half (most of the region): neighbours then say little about proximity, and strong cities join belts and pairs readily; choose fewer neighbours (knn:%d is the default for this region)",
			s.p.Weights, 100*s.scale.NeighbourShare, n, autoK(n))
	}
	if s.scale.SectorShare > MostOfRegion {
		s.warnf("the sector distance of %g km exceeds the distance between %.0f%% of all pairs of cities, more than half (most of the region, whose span is %.0f km): nearly any strong cities outside belts and pairs form a sector, and few can be isolated hubs; the default for this region would be %g km",
			s.p.SectorKm, 100*s.scale.SectorShare, s.scale.SpanKm, autoSectorKm(s.scale.SpanKm))
	}
}
