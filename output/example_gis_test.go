package output_test

import (
	"context"
	"os"
	"strings"

	"collab/analysis"
	"collab/data"
	"collab/output"
)

// Three districts given as polygons, written back as the links layer: one
// LineString a drawn link between centroids, its fields typed (a real
// always with a fraction or exponent), the names of both ends and the
// rank. The weights are the gravity s_i s_j / d_ij^2 (by hand: West and
// North, 4 x 2 / 120.98^2 = 5.466e-4; 120.98 km is the haversine from
// (120.5, 30.5) to (121, 31.5): 1 degree of latitude, 111.19 km, and half
// a degree of longitude at 31 degrees, 47.65 km).
func ExampleGeoJSONLayer() {
	src := `{"type": "FeatureCollection", "features": [
	  {"type": "Feature", "properties": {"id": "w", "name": "West", "score": 4},
	   "geometry": {"type": "Polygon", "coordinates": [[[120, 30], [121, 30], [121, 31], [120, 31], [120, 30]]]}},
	  {"type": "Feature", "properties": {"id": "e", "name": "East", "score": 1},
	   "geometry": {"type": "Polygon", "coordinates": [[[121, 30], [122, 30], [122, 31], [121, 31], [121, 30]]]}},
	  {"type": "Feature", "properties": {"id": "n", "name": "North", "score": 2},
	   "geometry": {"type": "Polygon", "coordinates": [[[120, 31], [122, 31], [122, 32], [120, 32], [120, 31]]]}}]}`
	ds, err := data.Read(strings.NewReader(src), "two.geojson", data.Options{})
	if err != nil {
		panic(err)
	}
	p := analysis.DefaultParameters()
	p.Permutations = 0
	res, err := analysis.Run(context.Background(), ds, p)
	if err != nil {
		panic(err)
	}
	if err := output.GeoJSONLayer(os.Stdout, res, output.MapOptions{}, "links"); err != nil {
		panic(err)
	}
	// Output:
	// {"type":"FeatureCollection","name":"links","features":[
	// {"type":"Feature","id":1,"geometry":{"type":"LineString","coordinates":[[120.5,30.5],[121,31.5]]},"properties":{"source":"w","target":"n","distance_km":120.9766663,"weight":0.0005466215659,"source_name":"West","target_name":"North","rank":1}},
	// {"type":"Feature","id":2,"geometry":{"type":"LineString","coordinates":[[120.5,30.5],[121.5,30.5]]},"properties":{"source":"w","target":"e","distance_km":95.80861037,"weight":0.0004357635588,"source_name":"West","target_name":"East","rank":2}},
	// {"type":"Feature","id":3,"geometry":{"type":"LineString","coordinates":[[121.5,30.5],[121,31.5]]},"properties":{"source":"e","target":"n","distance_km":120.9766663,"weight":0.0001366553915,"source_name":"East","target_name":"North","rank":3}}
	// ]}
}
