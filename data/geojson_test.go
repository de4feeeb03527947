package data

import (
	"collab/geom"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
)

// square is a GeoJSON Polygon feature: the 0.1° cell whose south-west
// corner is (lon, lat).
func square(id string, lon, lat float64, score string) string {
	return fmt.Sprintf(`{"type": "Feature", "properties": {"id": %q, "score": %s}, "geometry": {"type": "Polygon", "coordinates": [[[%g, %g], [%g, %g], [%g, %g], [%g, %g], [%g, %g]]]}}`,
		id, score, lon, lat, lon+0.1, lat, lon+0.1, lat+0.1, lon, lat+0.1, lon, lat)
}

func collection(features ...string) string {
	return "{\"type\": \"FeatureCollection\", \"features\": [\n" + strings.Join(features, ",\n") + "\n]}"
}

// TestGeoJSONBoundaries: polygon features keep their boundaries in the
// dataset (their queen contiguity is the study's: spatial.QueenContiguity,
// analysis's queen weights) and are placed at their centroids.
func TestGeoJSONBoundaries(t *testing.T) {
	src := collection(square("sw", 120, 31, "1"), square("se", 120.1, 31, "2"), square("nw", 120, 31.1, "3"))
	ds, err := readBytes("grid.geojson", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := geom.MultiPolygon{{{{120, 31}, {120.1, 31}, {120.1, 31.1}, {120, 31.1}, {120, 31}}}}
	if !reflect.DeepEqual(ds.Cities[0].Boundary, want) || !ds.HasBoundaries() {
		t.Errorf("boundary %v, want %v", ds.Cities[0].Boundary, want)
	}
	for _, c := range ds.Cities {
		if len(c.Neighbors) != 0 {
			t.Errorf("%s: neighbours %v from the reader; contiguity is the study's", c.ID, c.Neighbors)
		}
	}
	// The centroid of the cell at (120, 31) is its centre.
	if sw := ds.Cities[0]; math.Abs(sw.Lon-120.05) > 1e-12 || math.Abs(sw.Lat-31.05) > 1e-12 {
		t.Errorf("centroid %g, %g; want 120.05, 31.05", sw.Lon, sw.Lat)
	}
	if ds.Input.Polygons != 3 || ds.Input.Format != "GeoJSON" {
		t.Errorf("input %+v", ds.Input)
	}
}

// TestGeoJSONFeatures: ids from the feature, positions from lat/lon
// properties over the geometry, MultiPolygons, numbers written as strings,
// neighbours as a list or a ;-separated string, and mapped properties.
func TestGeoJSONFeatures(t *testing.T) {
	src := collection(
		`{"type": "Feature", "id": 310100, "properties": {"NAME_EN": "Shanghai", "patents": "1245.5", "lat": 31.23, "lon": 121.47, "area": 6340},
		  "geometry": {"type": "MultiPolygon", "coordinates": [[[[121, 31], [121.2, 31], [121.2, 31.2], [121, 31.2], [121, 31]]], [[[121.8, 31.5], [121.9, 31.5], [121.9, 31.6], [121.8, 31.5]]]]}}`,
		`{"type": "Feature", "properties": {"code": "320500", "NAME_EN": "Suzhou", "patents": 572.3, "neighbors": "320200; 310100"}, "geometry": {"type": "Point", "coordinates": [120.58, 31.3]}}`,
		`{"type": "Feature", "properties": {"code": 320200, "patents": 366, "neighbors": ["320500"]}, "geometry": {"type": "Point", "coordinates": [120.31, 31.49, 12]}}`,
	)
	ds, err := readWith(Options{ID: "code", Name: "NAME_EN", Score: "patents"}, "f.geojson", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []City{
		{ID: "310100", Name: "Shanghai", Lat: 31.23, Lon: 121.47, Scores: []float64{1245.5},
			Boundary: geom.MultiPolygon{{{{121, 31}, {121.2, 31}, {121.2, 31.2}, {121, 31.2}, {121, 31}}}, {{{121.8, 31.5}, {121.9, 31.5}, {121.9, 31.6}, {121.8, 31.5}}}}, Attributes: []any{int64(6340)}},
		{ID: "320500", Name: "Suzhou", Lat: 31.3, Lon: 120.58, Scores: []float64{572.3}, Neighbors: []string{"320200", "310100"}, Attributes: []any{nil}},
		{ID: "320200", Name: "320200", Lat: 31.49, Lon: 120.31, Scores: []float64{366}, Neighbors: []string{"320500"}, Attributes: []any{nil}},
	}
	if !reflect.DeepEqual(ds.Cities, want) {
		t.Errorf("cities\n%+v, want\n%+v", ds.Cities, want)
	}
	if !reflect.DeepEqual(ds.Input.Ignored, []string{"area"}) {
		t.Errorf("ignored %v", ds.Input.Ignored)
	}
}

// TestMultiPolygonCentroid: without lat/lon properties a MultiPolygon is
// placed at the area-weighted centroid of its parts: a 0.2° square at
// (121.1, 31.1) and a 0.1° square at (121.85, 31.55) weigh 4 to 1.
func TestMultiPolygonCentroid(t *testing.T) {
	src := collection(
		`{"type": "Feature", "properties": {"id": "a", "score": 1}, "geometry": {"type": "MultiPolygon", "coordinates": [[[[121, 31], [121.2, 31], [121.2, 31.2], [121, 31.2], [121, 31]]], [[[121.8, 31.5], [121.9, 31.5], [121.9, 31.6], [121.8, 31.6], [121.8, 31.5]]]]}}`,
		square("b", 120, 31, "1"), square("c", 119, 31, "1"))
	ds, err := readBytes("m.geojson", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	lon, lat := (4*121.1+121.85)/5, (4*31.1+31.55)/5
	if a := ds.Cities[0]; math.Abs(a.Lon-lon) > 1e-12 || math.Abs(a.Lat-lat) > 1e-12 {
		t.Errorf("centroid %g, %g; want %g, %g", a.Lon, a.Lat, lon, lat)
	}
}

func TestGeoJSONProblems(t *testing.T) {
	points := func(props ...string) string {
		var fs []string
		for i, p := range props {
			fs = append(fs, fmt.Sprintf(`{"type": "Feature", "properties": %s, "geometry": {"type": "Point", "coordinates": [%d, 31]}}`, p, 120+i))
		}
		return collection(fs...)
	}
	three := points(`{"id": "a", "score": 1}`, `{"id": "b", "score": 2}`, `{"id": "c", "score": 3}`)
	for _, c := range []struct {
		name, file, src string
		want            []string
	}{
		{"not a collection", "f.geojson", `{"type": "Feature", "properties": {}, "geometry": null}`,
			[]string{`f.geojson:1:1: a GeoJSON file must be a FeatureCollection`}},
		{"non-numeric score", "f.geojson", points(`{"id": "a", "score": 1}`, `{"id": "b", "score": "n/a"}`, `{"id": "c", "score": 3}`),
			[]string{`f.geojson:3:56: features[1].properties.score: "n/a" is not a number (scores are numbers >= 0)`}},
		{"score as an object", "f.geojson", points(`{"id": "a", "score": 1}`, `{"id": "b", "score": {"2021": 2}}`, `{"id": "c", "score": 3}`),
			[]string{`features[1].properties.score: must be a number (scores are numbers >= 0), not an object`}},
		{"missing score property", "f.geojson", points(`{"id": "a", "value": 1}`, `{"id": "b", "value": 2}`, `{"id": "c", "value": 3}`),
			[]string{`features: no "score" property in any feature: give each city a score, or a panel as properties score_2001, score_2021, ...; "value" looks like it: map it with --score value`}},
		// A property of strings is not suggested: --score value would fail.
		{"missing score, a property of words", "f.geojson", points(`{"id": "a", "value": "high"}`, `{"id": "b", "value": "low"}`, `{"id": "c", "value": "low"}`),
			[]string{`features: no "score" property in any feature: give each city a score, or a panel as properties score_2001, score_2021, ...; name yours with --score`}},
		{"missing score in one", "f.geojson", points(`{"id": "a", "score": 1}`, `{"id": "b"}`, `{"id": "c", "score": 3}`),
			[]string{`f.geojson:3:1: features[1]: no score; every city needs one`}},
		{"duplicate id", "f.geojson", points(`{"id": "a", "score": 1}`, `{"id": "b", "score": 2}`, `{"id": "a", "score": 3}`),
			[]string{`f.geojson:4:42: features[2].properties.id: id "a" is used twice (first by features[0] at line 2)`}},
		{"lat and lon swapped", "f.geojson", strings.Replace(three, "[121, 31]", "[31, 121]", 1),
			[]string{`features[1].geometry.coordinates: position [31, 121] is outside longitude [-180, 180], latitude [-90, 90]; GeoJSON gives longitude first: [lon, lat]`}},
		{"projected coordinates", "f.geojson", collection(strings.ReplaceAll(square("a", 500000, 3400000, "1"), ".1", "")),
			[]string{`features[0].geometry.coordinates[0][0]: position [500000, 3.4e+06] is outside`, `projected coordinates (metres)? GeoJSON needs WGS84 degrees: reproject, e.g. ogr2ogr -t_srs EPSG:4326`}},
		{"projected crs", "f.geojson", strings.Replace(three, `"features"`, `"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32651"}}, "features"`, 1),
			[]string{`f.geojson:1:38: crs: the file declares the coordinate system "urn:ogc:def:crs:EPSG::32651"; collab needs WGS84 longitude, latitude (RFC 7946): reproject it`}},
		{"polygon as one ring", "f.geojson", collection(
			`{"type": "Feature", "properties": {"id": "a", "score": 1}, "geometry": {"type": "Polygon", "coordinates": [[120, 31], [121, 31], [121, 32], [120, 31]]}}`),
			[]string{`features[0].geometry.coordinates: a polygon is a list of rings [[[lon, lat], ...]], not a single ring: add a bracket around it`}},
		{"position of one number", "f.geojson", collection(`{"type": "Feature", "properties": {"id": "a", "score": 1}, "geometry": {"type": "Polygon", "coordinates": [[[120, 31], [121], [121, 32], [120, 31]]]}}`),
			[]string{`f.geojson:2:120: features[0].geometry.coordinates[0]: a ring must be a list of at least 4 positions [lon, lat], each two numbers`}},
		{"no area", "f.geojson", collection(`{"type": "Feature", "properties": {"id": "a", "score": 1}, "geometry": {"type": "Polygon", "coordinates": [[[120, 31], [121, 31], [122, 31], [120, 31]]]}}`),
			[]string{`features[0].geometry: the polygon encloses no area, so it has no centroid`}},
		{"no position", "f.geojson", collection(`{"type": "Feature", "properties": {"id": "a", "score": 1}, "geometry": null}`),
			[]string{`f.geojson:2:1: features[0]: no position: give a Point, Polygon or MultiPolygon geometry, or lat and lon properties`}},
		{"not a feature", "f.geojson", collection(`{"type": "Point", "coordinates": [1, 2]}`),
			[]string{`features[0]: must have "type": "Feature"`}},
		{"unknown neighbour", "f.geojson", points(`{"id": "a", "score": 1, "neighbors": ["b", "zz"]}`, `{"id": "b", "score": 2, "neighbors": "a"}`, `{"id": "c", "score": 3}`),
			[]string{`features[0].properties.neighbors: neighbour "zz" is not the id of any city`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := readBytes(c.file, []byte(c.src))
			var problems Problems
			if !errors.As(err, &problems) {
				t.Fatalf("error %v (%T), want Problems", err, err)
			}
			for _, w := range c.want {
				if got := problems.Render(flags); !strings.Contains(got, w) {
					t.Errorf("error:\n%v\nwant it to contain:\n%s", got, w)
				}
			}
		})
	}
}

// TestGeoJSONAsJSON: a .json file holding a FeatureCollection is GeoJSON;
// collab's JSON format still reports fields it does not know.
func TestGeoJSONAsJSON(t *testing.T) {
	src := collection(square("a", 120, 31, "1"), square("b", 120.1, 31, "2"), square("c", 121, 31, "3"))
	if ds, err := readBytes("boundaries.json", []byte(src)); err != nil || ds.Input.Format != "GeoJSON" {
		t.Errorf("FeatureCollection in a .json file: %v", err)
	}
	if _, err := readBytes("bad.json", []byte(`{"type": "Feature", "cities": []}`)); err == nil || !strings.Contains(err.Error(), `bad.json:1:2: type: unknown field "type"`) {
		t.Errorf("collab JSON with a type field: %v", err)
	}
}
