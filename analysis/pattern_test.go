package analysis

import (
	"context"
	"encoding/json"
	"math"
	"slices"
	"testing"

	"collab/data"
	"collab/geom"
)

// place is a city of a hand-made region: its position in degrees, score and
// contiguity neighbours.
type place struct {
	id        string
	lon, lat  float64
	score     float64
	neighbors []string
}

func region(t *testing.T, places ...place) *data.Dataset {
	t.Helper()
	type city struct {
		ID        string   `json:"id"`
		Lat       float64  `json:"lat"`
		Lon       float64  `json:"lon"`
		Score     float64  `json:"score"`
		Neighbors []string `json:"neighbors,omitempty"`
	}
	var cities []city
	for _, p := range places {
		cities = append(cities, city{p.id, p.lat, p.lon, p.score, p.neighbors})
	}
	src, _ := json.Marshal(map[string]any{"cities": cities})
	ds, err := readData("region.json", src)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// degreeKm is one degree along the equator.
var degreeKm = geom.Distance(geom.Point{0, 0}, geom.Point{1, 0})

func patternOf(t *testing.T, ds *data.Dataset) *Result {
	t.Helper()
	p := DefaultParameters()
	p.Edges = "gravity"
	r, err := Run(context.Background(), ds, p)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestBeltStraightChain: four strong cities in a row, each the neighbour of
// the next, and two weak ones. The spine runs from the higher-scoring end
// (d, 12) to a, over three degrees.
func TestBeltStraightChain(t *testing.T) {
	ds := region(t,
		place{"a", 0, 0, 10, []string{"b", "w1"}},
		place{"b", 1, 0, 20, []string{"a", "c"}},
		place{"c", 2, 0, 15, []string{"b", "d"}},
		place{"d", 3, 0, 12, []string{"c"}},
		place{"w1", 0, 1, 1, []string{"a"}},
		place{"w2", 9, 9, 1, nil},
	)
	r := patternOf(t, ds)
	if len(r.Belts) != 1 {
		t.Fatalf("belts %+v, want one", r.Belts)
	}
	b := r.Belts[0]
	if !slices.Equal(b.Cities, []string{"d", "c", "b", "a"}) || !slices.Equal(b.Members, []string{"b", "c", "d", "a"}) {
		t.Errorf("spine %v members %v, want [d c b a] and by score [b c d a]", b.Cities, b.Members)
	}
	if math.Abs(b.LengthKm-3*degreeKm) > 1e-9 {
		t.Errorf("length %v km, want 3 degrees = %v", b.LengthKm, 3*degreeKm)
	}
	mean := (10 + 20 + 15 + 12 + 1 + 1) / 6.0
	if want := (10 + 20 + 15 + 12) / 4.0 / mean; math.Abs(b.MeanRatio-want) > 1e-12 {
		t.Errorf("mean ratio %v, want %v", b.MeanRatio, want)
	}
	if len(r.Sectors) != 0 || len(r.IsolatedHubs) != 0 {
		t.Errorf("sectors %+v, hubs %+v; want none", r.Sectors, r.IsolatedHubs)
	}
	for _, c := range r.Cities {
		if want := map[bool]string{true: "belt", false: "none"}[c.Score >= 10]; c.Role != want {
			t.Errorf("%s role %q, want %q", c.ID, c.Role, want)
		}
	}
}

// TestBeltRing: five strong cities around a ring, each a neighbour of the
// next and the last of the first. The spanning tree drops the longest link
// (e-a, the one across the gap), so the spine runs a-b-c-d-e.
func TestBeltRing(t *testing.T) {
	ds := region(t,
		place{"a", 0, 0, 9, []string{"b", "e"}},
		place{"b", 1, 0, 8, []string{"c"}},
		place{"c", 2, 0, 8, []string{"d"}},
		place{"d", 2, 1, 8, []string{"e"}},
		place{"e", 0.5, 2, 8, []string{"a"}},
		place{"w", 20, 20, 1, nil},
	)
	r := patternOf(t, ds)
	if len(r.Belts) != 1 || !slices.Equal(r.Belts[0].Cities, []string{"a", "b", "c", "d", "e"}) {
		t.Fatalf("belts %+v, want one with spine a b c d e", r.Belts)
	}
	var km float64
	for _, pair := range [][4]float64{{0, 0, 1, 0}, {1, 0, 2, 0}, {2, 0, 2, 1}, {2, 1, 0.5, 2}} {
		km += geom.Distance(geom.Point{pair[0], pair[1]}, geom.Point{pair[2], pair[3]})
	}
	if math.Abs(r.Belts[0].LengthKm-km) > 1e-9 {
		t.Errorf("spine length %v, want %v", r.Belts[0].LengthKm, km)
	}
}

// TestTwoClustersAndALoneHub: a belt of three; two strong cities 1.5
// degrees apart that are not neighbours (a sector at --sector-km 250, hub
// the stronger); a strong city 10 degrees away (an isolated hub) whose only
// neighbour is weak.
func TestTwoClustersAndALoneHub(t *testing.T) {
	ds := region(t,
		place{"b1", 0, 0, 10, []string{"b2"}},
		place{"b2", 1, 0, 10, []string{"b3"}},
		place{"b3", 2, 0, 10, nil},
		place{"s1", 0, 5, 10, nil},
		place{"s2", 1.5, 5, 14, nil},
		place{"h", 12, 0, 12, []string{"w"}},
		place{"w", 12, 1, 2, nil},
		place{"x", 30, 30, 1, nil},
	)
	r := patternOf(t, ds)
	if len(r.Belts) != 1 || !slices.Equal(r.Belts[0].Members, []string{"b1", "b2", "b3"}) {
		t.Errorf("belts %+v", r.Belts)
	}
	if len(r.Sectors) != 1 || r.Sectors[0].Hub != "s2" || !slices.Equal(r.Sectors[0].Cities, []string{"s2", "s1"}) {
		t.Errorf("sectors %+v, want hub s2 with s1", r.Sectors)
	}
	if len(r.IsolatedHubs) != 1 {
		t.Fatalf("isolated hubs %+v, want h", r.IsolatedHubs)
	}
	h := r.IsolatedHubs[0]
	mean := (10*3 + 10 + 14 + 12 + 2 + 1) / 8.0
	if h.ID != "h" || h.NearestHub != "b3" || math.Abs(h.NearestHubKm-10*degreeKm) > 1e-9 || math.Abs(h.LagRatio-2/mean) > 1e-12 {
		t.Errorf("isolated hub %+v, want h, nearest b3 at %v km, lag ratio %v", h, 10*degreeKm, 2/mean)
	}
	p := DefaultParameters()
	p.SectorKm = 100 // s1 and s2 are 167 km apart: both become isolated
	r2, err := Run(context.Background(), ds, p)
	if err != nil {
		t.Fatal(err)
	}
	if len(r2.Sectors) != 0 || len(r2.IsolatedHubs) != 3 {
		t.Errorf("at 100 km: sectors %+v, hubs %+v; want none and three", r2.Sectors, r2.IsolatedHubs)
	}
}

// TestTies: with equal scores the spine starts at the end listed first,
// and a sector's hub is the first of its equal-scoring members.
func TestTies(t *testing.T) {
	ds := region(t,
		place{"p", 2, 0, 5, []string{"q"}},
		place{"q", 1, 0, 5, []string{"r"}},
		place{"r", 0, 0, 5, nil},
		place{"u", 0, 5, 5, nil},
		place{"v", 1, 5, 5, nil},
		place{"w", 40, 40, 0, nil},
	)
	r := patternOf(t, ds)
	if len(r.Belts) != 1 || !slices.Equal(r.Belts[0].Cities, []string{"p", "q", "r"}) {
		t.Errorf("belts %+v, want spine p q r", r.Belts)
	}
	if len(r.Sectors) != 1 || r.Sectors[0].Hub != "u" {
		t.Errorf("sectors %+v, want hub u", r.Sectors)
	}
}

// TestSamplePattern is the study's headline finding on the embedded sample
// (DESIGN.md, "The pattern"): the belt, the sector, the isolated hub and the
// first latecomer candidates.
func TestSamplePattern(t *testing.T) {
	r := run(t, sample(t), DefaultParameters())
	name := map[string]string{}
	for _, c := range r.Cities {
		name[c.ID] = c.Name
	}
	names := func(ids []string) []string {
		var out []string
		for _, id := range ids {
			out = append(out, name[id])
		}
		return out
	}
	if len(r.Belts) != 1 || !slices.Equal(names(r.Belts[0].Cities), []string{"Shanghai", "Suzhou (Jiangsu)", "Wuxi", "Changzhou", "Nanjing"}) {
		t.Errorf("belts %+v", r.Belts)
	}
	if len(r.Sectors) != 1 || name[r.Sectors[0].Hub] != "Hangzhou" || !slices.Equal(names(r.Sectors[0].Cities), []string{"Hangzhou", "Ningbo", "Wenzhou"}) {
		t.Errorf("sectors %+v", r.Sectors)
	}
	if len(r.IsolatedHubs) != 1 || name[r.IsolatedHubs[0].ID] != "Hefei" || name[r.IsolatedHubs[0].NearestHub] != "Nanjing" {
		t.Errorf("isolated hubs %+v", r.IsolatedHubs)
	}
	if got := names([]string{r.Latecomers[0].ID, r.Latecomers[1].ID}); !slices.Equal(got, []string{"Jiaxing", "Huzhou"}) {
		t.Errorf("first latecomers %v, want Jiaxing, Huzhou", got)
	}
}

// gbaJSON is the Greater Bay Area's 11 cities at the coordinates of
// ../shared/data/sources/gba_cities.csv (pyecharts' city_coordinates.json),
// with plausible scores: Shenzhen, Hong Kong and Guangzhou strong.
func gbaJSON() []byte {
	type city struct {
		id       string
		lat, lon float64
		score    float64
	}
	cities := []city{{"Guangzhou", 23.13, 113.27, 450}, {"Shenzhen", 22.55, 114.05, 520}, {"Zhuhai", 22.27, 113.57, 60},
		{"Foshan", 23.02, 113.12, 120}, {"Huizhou", 23.12, 114.42, 50}, {"Dongguan", 23.05, 113.75, 110},
		{"Zhongshan", 22.52, 113.38, 45}, {"Jiangmen", 22.58, 113.08, 25}, {"Zhaoqing", 23.05, 112.47, 15},
		{"HongKong", 22.320048, 114.173355, 480}, {"Macao", 22.198951, 113.54909, 30}}
	var out []map[string]any
	for _, c := range cities {
		out = append(out, map[string]any{"id": c.id, "name": c.id, "lat": c.lat, "lon": c.lon, "score": c.score})
	}
	b, _ := json.Marshal(map[string]any{"name": "gba", "cities": out})
	return b
}

// TestGBAPairNotSector: Shenzhen and Hong Kong (29 km apart) are
// neighbours under every kNN choice; with Guangzhou, not a neighbour of
// either under knn:2-6, they used to fall through to a "sector" of cities
// "that are not spatial neighbours". They are a pair, Guangzhou an
// isolated hub, and no sector is found.
func TestGBAPairNotSector(t *testing.T) {
	ds, err := readData("gba.json", gbaJSON())
	if err != nil {
		t.Fatal(err)
	}
	for k := 2; k <= 6; k++ {
		p := DefaultParameters()
		p.Weights, p.Permutations, p.Skip = Weights{Kind: "knn", K: k}, 0, []Stage{"network"}
		res, err := Run(context.Background(), ds, p)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Pairs) != 1 || !slices.Equal(res.Pairs[0].Cities, []string{"Shenzhen", "HongKong"}) {
			t.Errorf("knn:%d: pairs %+v, want Shenzhen and HongKong", k, res.Pairs)
		}
		if len(res.Sectors) != 0 || len(res.Belts) != 0 {
			t.Errorf("knn:%d: sectors %+v, belts %+v, want none", k, res.Sectors, res.Belts)
		}
		if len(res.IsolatedHubs) != 1 || res.IsolatedHubs[0].ID != "Guangzhou" || res.IsolatedHubs[0].NearestHub != "Shenzhen" {
			t.Errorf("knn:%d: isolated hubs %+v, want Guangzhou, nearest Shenzhen", k, res.IsolatedHubs)
		}
		for _, c := range res.Cities {
			if want := map[string]string{"Shenzhen": "pair", "HongKong": "pair", "Guangzhou": "isolated-hub"}[c.ID]; want != "" && c.Role != want {
				t.Errorf("knn:%d: %s role %s, want %s", k, c.ID, c.Role, want)
			}
		}
	}
}
