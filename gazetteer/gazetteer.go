package gazetteer

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"collab/geom"
)

//go:embed cities.csv
var citiesCSV []byte

//go:embed neighbors.csv
var neighborsCSV []byte

//go:embed provinces.csv
var provincesCSV []byte

//go:embed regions.csv
var regionsCSV []byte

// City is one prefecture-level unit.
type City struct {
	Adcode string // the national administrative division code, "440100"
	// Name is the English name where collab's region files give one
	// ("Guangzhou", "Hong Kong"), else "".
	Name       string
	NameZH     string // the official Chinese name, "广州市"
	Province   string // the province in English, "Guangdong"
	ProvinceZH string // the province in Chinese, "广东省"
	// Position is the city seat's [lon, lat] in degrees; Located is false
	// when the source gives none (Sansha), and Position is then the zero
	// Point, not a place.
	Position geom.Point
	Located  bool
	// Neighbors lists the adcodes of the cities whose boundaries touch
	// this one's, ascending.
	Neighbors []string
}

// Label names the city for messages: its English name with its Chinese
// one, or the Chinese name alone, then the province and adcode:
// "Suzhou 苏州市 (Jiangsu, 320500)".
func (c City) Label() string {
	name := c.NameZH
	if c.Name != "" {
		name = c.Name + " " + c.NameZH
	}
	return fmt.Sprintf("%s (%s, %s)", name, c.Province, c.Adcode)
}

// Gazetteer is a set of cities with the names they are found by.
type Gazetteer struct {
	cities  []City         // in the order of the source, by adcode
	byCode  map[string]int // adcode -> index
	byName  map[string][]int
	regions []Region
}

// Default returns the embedded gazetteer of China's 339 prefecture-level
// units, parsed once; callers must not modify what its methods return.
var Default = sync.OnceValue(func() *Gazetteer {
	g, err := parse(citiesCSV, neighborsCSV, provincesCSV, regionsCSV)
	if err != nil {
		panic("gazetteer: the embedded data do not parse: " + err.Error())
	}
	return g
})

// Cities returns every city, ordered by adcode.
func (g *Gazetteer) Cities() []City { return g.cities }

// ByAdcode returns the city with the adcode.
func (g *Gazetteer) ByAdcode(adcode string) (City, bool) {
	i, ok := g.byCode[strings.TrimSpace(adcode)]
	if !ok {
		return City{}, false
	}
	return g.cities[i], true
}

// parse builds a gazetteer from its four tables.
func parse(cities, neighbors, provinces, regions []byte) (*Gazetteer, error) {
	english, err := provinceNames(provinces)
	if err != nil {
		return nil, err
	}
	g := &Gazetteer{byCode: map[string]int{}, byName: map[string][]int{}}
	if err := g.readCities(cities, english); err != nil {
		return nil, err
	}
	if err := g.readNeighbors(neighbors); err != nil {
		return nil, err
	}
	if err := g.readRegions(regions); err != nil {
		return nil, err
	}
	g.indexNames()
	return g, nil
}

// records reads a CSV table whose lines starting with # are comments and
// whose first record is a header of the columns want.
func records(src []byte, want ...string) ([][]string, error) {
	r := csv.NewReader(bytes.NewReader(src))
	r.Comment = '#'
	r.FieldsPerRecord = len(want)
	header, err := r.Read()
	if err != nil {
		return nil, err
	}
	if !slices.Equal(header, want) {
		return nil, fmt.Errorf("header %v, want %v", header, want)
	}
	var rows [][]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return nil, err
		}
		rows = append(rows, rec)
	}
}

func provinceNames(src []byte) (map[string]string, error) {
	rows, err := records(src, "province_zh", "province_en")
	if err != nil {
		return nil, fmt.Errorf("provinces: %w", err)
	}
	m := make(map[string]string, len(rows))
	for _, r := range rows {
		m[r[0]] = r[1]
	}
	return m, nil
}

func (g *Gazetteer) readCities(src []byte, english map[string]string) error {
	rows, err := records(src, "adcode", "name_zh", "province_zh", "lat", "lon")
	if err != nil {
		return fmt.Errorf("cities: %w", err)
	}
	for _, r := range rows {
		c := City{Adcode: r[0], NameZH: r[1], ProvinceZH: r[2], Province: english[r[2]]}
		if c.Province == "" {
			return fmt.Errorf("cities: %s: no English name for the province %s", c.Adcode, c.ProvinceZH)
		}
		if r[3] != "" || r[4] != "" {
			lat, err1 := strconv.ParseFloat(r[3], 64)
			lon, err2 := strconv.ParseFloat(r[4], 64)
			if err := errors.Join(err1, err2); err != nil {
				return fmt.Errorf("cities: %s: %w", c.Adcode, err)
			}
			c.Position, c.Located = geom.Point{lon, lat}, true
		}
		if _, dup := g.byCode[c.Adcode]; dup {
			return fmt.Errorf("cities: adcode %s twice", c.Adcode)
		}
		g.byCode[c.Adcode] = len(g.cities)
		g.cities = append(g.cities, c)
	}
	return nil
}

// readNeighbors reads pairs of adcodes and lists each pair both ways.
func (g *Gazetteer) readNeighbors(src []byte) error {
	rows, err := records(src, "adcode", "neighbor_adcode")
	if err != nil {
		return fmt.Errorf("neighbors: %w", err)
	}
	for _, r := range rows {
		i, ok1 := g.byCode[r[0]]
		j, ok2 := g.byCode[r[1]]
		if !ok1 || !ok2 || i == j {
			return fmt.Errorf("neighbors: the pair %s,%s is not two cities of the gazetteer", r[0], r[1])
		}
		g.cities[i].Neighbors = append(g.cities[i].Neighbors, r[1])
		g.cities[j].Neighbors = append(g.cities[j].Neighbors, r[0])
	}
	for i := range g.cities {
		slices.Sort(g.cities[i].Neighbors)
		g.cities[i].Neighbors = slices.Compact(g.cities[i].Neighbors)
	}
	return nil
}
