package output

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"

	"collab/analysis"
	"collab/geom"
	"collab/param"
)

// MapOptions shape the maps: DOT, SVG and GeoJSON.
type MapOptions struct {
	// Color is what fills the cities: "tier" (also the default, "") or a
	// per-city measure with classes, such as province or component.
	Color string
	// TopLinks is how many of the strongest links are drawn.
	TopLinks TopLinks
	// Label is the name the maps write beside a city: "name" (also the
	// default, ""), "name_local" (the local name, such as the Chinese,
	// where the city has one) or "id".
	Label string
}

// TopLinks is how many of the strongest links the maps draw: AutoLinks
// (twice the number of cities), AllLinks, or a number >= 1. It is written
// auto, all or the number.
type TopLinks int

// AutoLinks and AllLinks are the TopLinks written auto and all.
const (
	AutoLinks TopLinks = 0
	AllLinks  TopLinks = -1
)

// UnmarshalText implements encoding.TextUnmarshaler.
func (t *TopLinks) UnmarshalText(text []byte) error {
	switch s := string(text); s {
	case "auto":
		*t = AutoLinks
	case "all":
		*t = AllLinks
	default:
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return param.Quotedf("top-links", s, "give auto, all or a number of links of at least 1")
		}
		*t = TopLinks(n)
	}
	return nil
}

// MarshalText implements encoding.TextMarshaler.
func (t TopLinks) MarshalText() ([]byte, error) {
	switch t {
	case AutoLinks:
		return []byte("auto"), nil
	case AllLinks:
		return []byte("all"), nil
	}
	return []byte(strconv.Itoa(int(t))), nil
}

// Check reports options that cannot apply to any study.
func (o MapOptions) Check() error {
	if o.TopLinks < AllLinks {
		return param.Errorf("top-links", int(o.TopLinks), "give a number of links, auto or all")
	}
	switch o.Label {
	case "", "name", "name_local", "id":
	default:
		return param.Errorf("label", o.Label, "choose name, name_local or id")
	}
	return CheckColor(o.Color)
}

// pageSize is the longer side of the map, in points (10 inches).
const pageSize = 720.0

// kmPerDegree is the length of a degree of latitude on the sphere of mean
// radius 6371.0088 km, the radius of collab's great-circle distances.
const kmPerDegree = 6371.0088 * math.Pi / 180

// geoMap is what the DOT and SVG maps draw and the GeoJSON writes: every
// city at its projected position with its size and colour, the links drawn
// and the belts. Positions are in points, x east and y north, from the
// south-west corner of the cities' bounding box.
type geoMap struct {
	title         string
	cities        []mapCity
	links         []mapLink // the drawn links, weakest first so the strongest are painted last
	totalLinks    int
	directed      bool
	belts         []spine
	colours       colouring
	width, height float64 // the projected extent
	kmPerPoint    float64
	lat0          float64 // the latitude of true scale
	rMin, rMax    float64 // the radii of score 0 and of the top score
	topScore      float64
	// boundaries are the cities' polygons when the input gave them (nil
	// otherwise): the SVG map is then a choropleth (svg_choropleth.go).
	boundaries        []geom.MultiPolygon
	minLon, minLat    float64 // the projection: x = (lon - minLon) cos0 scale,
	cos0, scalePerDeg float64 // y = (lat - minLat) scale
}

type mapCity struct {
	id, name string
	lon, lat float64
	x, y, r  float64
	score    float64
	tier     int
	fill     string
}

type mapLink struct {
	from, to   int
	index      int // in the results' links
	weight, km float64
	pen        float64 // line width, 0.5 to 4.5 points as the square root of weight / the strongest drawn
	rank       int     // 1 is the strongest link
}

// spine is an innovation belt: its cities in order along it, and its
// properties for GeoJSON.
type spine struct {
	cities []int
	fields []field
}

// beltSpines gives the maps the innovation belts to draw (bold lines on the
// DOT and SVG maps, LineStrings in GeoJSON): each belt's cities in spine
// order, with the belt's number and its results as GeoJSON properties.
func beltSpines(r *analysis.Result) []spine {
	index := make(map[string]int, len(r.Cities))
	for i, c := range r.Cities {
		index[c.ID] = i
	}
	var spines []spine
	for k := range r.Belts {
		b := &r.Belts[k]
		fields, err := flatten(b)
		if err != nil {
			continue // a Belt always marshals; nothing to draw otherwise
		}
		sp := spine{fields: append([]field{{"belt", json.RawMessage(strconv.Itoa(k + 1))}}, fields...)}
		for _, id := range b.Cities {
			sp.cities = append(sp.cities, index[id])
		}
		spines = append(spines, sp)
	}
	return spines
}

// newGeoMap projects the cities of r and picks the links to draw.
func newGeoMap(r *analysis.Result, o MapOptions) (*geoMap, error) {
	colours, err := colourBy(r, o.Color)
	if err != nil {
		return nil, err
	}
	m := &geoMap{title: mapTitle(r), colours: colours, totalLinks: len(r.Links), directed: r.Network != nil && r.Network.Directed,
		belts: beltSpines(r)}
	if r.Geography != nil {
		m.boundaries = r.Geography.Boundaries
	}
	m.project(r.Cities)
	m.relabel(r.Cities, o.Label)
	m.size()
	m.links = drawnLinks(r, int(o.TopLinks))
	return m, nil
}

// relabel names the cities by their local names or ids, as label asks.
func (m *geoMap) relabel(cities []analysis.City, label string) {
	for i, c := range cities {
		switch {
		case label == "name_local" && c.NameLocal != "":
			m.cities[i].name = c.NameLocal
		case label == "id":
			m.cities[i].name = c.ID
		}
	}
}

func mapTitle(r *analysis.Result) string {
	title := r.Dataset.Name
	if title == "" {
		title = "Unnamed region"
	}
	if r.Summary.Year != nil {
		title += fmt.Sprintf(", %d", *r.Summary.Year)
	}
	return title
}

// project places the cities by the equirectangular projection about the
// cities' mean latitude lat0, x = (lon - lon_min) cos(lat0), y = lat -
// lat_min, scaled so that the longer side is pageSize points. Distances
// are true along the parallel lat0 and along meridians, which is close
// enough for a region a few hundred kilometres across.
func (m *geoMap) project(cities []analysis.City) {
	var lat0 float64
	minLon, minLat, maxLon, maxLat := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range cities {
		lat0 += c.Lat / float64(len(cities))
		minLon, maxLon = math.Min(minLon, c.Lon), math.Max(maxLon, c.Lon)
		minLat, maxLat = math.Min(minLat, c.Lat), math.Max(maxLat, c.Lat)
	}
	for _, shape := range m.boundaries { // the map holds the polygons whole
		for _, poly := range shape {
			for _, ring := range poly {
				for _, p := range ring {
					minLon, maxLon = math.Min(minLon, p[0]), math.Max(maxLon, p[0])
					minLat, maxLat = math.Min(minLat, p[1]), math.Max(maxLat, p[1])
				}
			}
		}
	}
	cos0 := math.Cos(lat0 * math.Pi / 180)
	extent := math.Max((maxLon-minLon)*cos0, maxLat-minLat)
	scale := 1.0 // points per degree; any will do for a single point
	if extent > 1e-9 {
		scale = pageSize / extent
	}
	m.width, m.height = (maxLon-minLon)*cos0*scale, (maxLat-minLat)*scale
	m.kmPerPoint, m.lat0 = kmPerDegree/scale, lat0
	m.minLon, m.minLat, m.cos0, m.scalePerDeg = minLon, minLat, cos0, scale
	m.cities = make([]mapCity, len(cities))
	for i, c := range cities {
		m.cities[i] = mapCity{id: c.ID, name: c.Name, lon: c.Lon, lat: c.Lat, score: c.Score, tier: c.Tier,
			x: (c.Lon - minLon) * cos0 * scale, y: (c.Lat - minLat) * scale, fill: m.colours.fill[i]}
	}
}

// size gives each city a radius growing with the square root of its score
// (so that area follows score), the largest smaller where the map is
// crowded.
func (m *geoMap) size() {
	n := float64(len(m.cities))
	m.rMax = math.Max(4, math.Min(16, 0.6*pageSize/math.Sqrt(n)))
	m.rMin = math.Max(1, m.rMax/8)
	for _, c := range m.cities {
		m.topScore = math.Max(m.topScore, c.score)
	}
	for i := range m.cities {
		m.cities[i].r = m.radius(m.cities[i].score)
	}
}

// radius is the radius of a city of the given score.
func (m *geoMap) radius(score float64) float64 {
	if m.topScore <= 0 {
		return m.rMin
	}
	return m.rMin + (m.rMax-m.rMin)*math.Sqrt(score/m.topScore)
}

// drawnLinks returns the top strongest links of r (0: twice the number of
// cities; AllLinks: all), weakest first, with their pen widths and ranks.
// Ties keep the results' order.
func drawnLinks(r *analysis.Result, top int) []mapLink {
	index := make(map[string]int, len(r.Cities))
	for i, c := range r.Cities {
		index[c.ID] = i
	}
	links := make([]mapLink, len(r.Links))
	for k, l := range r.Links {
		links[k] = mapLink{from: index[l.Source], to: index[l.Target], index: k, weight: l.Weight, km: l.DistanceKm}
	}
	slices.SortStableFunc(links, func(a, b mapLink) int { return cmp.Compare(b.weight, a.weight) })
	switch {
	case top == 0:
		top = 2 * len(r.Cities)
	case top == int(AllLinks):
		top = len(links)
	}
	links = links[:min(top, len(links))]
	for k := range links {
		links[k].rank = k + 1
		links[k].pen = 0.5
		if links[0].weight > 0 {
			links[k].pen += 4 * math.Sqrt(links[k].weight/links[0].weight)
		}
	}
	slices.Reverse(links)
	return links
}

// byScore returns the cities' indices, highest score first (ties in input
// order): the order in which labels claim their places.
func (m *geoMap) byScore() []int {
	order := make([]int, len(m.cities))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(m.cities[b].score, m.cities[a].score) })
	return order
}
