package analysis

import (
	"collab/data"
	"collab/geom"
	"collab/spatial"
)

// Geography is what the GIS outputs need of a study beyond its results
// contract (it is not part of results.json): each city's boundary, the
// input's own properties, and the spatial weights the statistics used. Its
// slices are indexed like Result.Cities.
type Geography struct {
	// Boundaries holds each city's polygons; nil when no city has any.
	Boundaries []geom.MultiPolygon
	// Attributes are the input's own properties, declared types and all,
	// and Values each city's values of them (see data.City.Attributes).
	Attributes []data.Attribute
	Values     [][]any
	// Neighbors are the neighbours each city's input listed, by id (nil
	// when none did), so that a layer read back gives the same weights.
	Neighbors [][]string
	// Weights are the spatial weights as built, before any
	// standardisation (binary for contiguity, kNN and distance bands;
	// inverse distance otherwise); nil when the study built none.
	Weights *spatial.Weights
}

// geographyOf keeps the dataset's boundaries and attributes.
func geographyOf(ds *data.Dataset) *Geography {
	g := &Geography{Attributes: ds.Attributes}
	if ds.HasBoundaries() {
		g.Boundaries = make([]geom.MultiPolygon, len(ds.Cities))
		for i, c := range ds.Cities {
			g.Boundaries[i] = c.Boundary
		}
	}
	if ds.HasNeighbors() {
		g.Neighbors = make([][]string, len(ds.Cities))
		for i, c := range ds.Cities {
			g.Neighbors[i] = c.Neighbors
		}
	}
	if len(ds.Attributes) > 0 {
		g.Values = make([][]any, len(ds.Cities))
		for i, c := range ds.Cities {
			g.Values[i] = c.Attributes
		}
	}
	return g
}
