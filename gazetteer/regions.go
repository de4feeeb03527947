package gazetteer

import (
	"fmt"
	"slices"
	"strings"
)

// Region is a named set of cities.
type Region struct {
	Name    string   // yrd, bth, gba, chengyu, china
	Title   string   // "Greater Bay Area (Guangdong, Hong Kong, Macao)"
	Adcodes []string // the members, in the order of the region's file
}

// regionTitles names the regions of regions.csv, in the order listed;
// china, every city, comes last.
var regionTitles = []struct{ name, title string }{
	{"yrd", "Yangtze River Delta (Shanghai, Jiangsu, Zhejiang, Anhui)"},
	{"bth", "Beijing-Tianjin-Hebei"},
	{"gba", "Greater Bay Area (Guangdong, Hong Kong, Macao)"},
	{"chengyu", "Chengdu-Chongqing"},
	{"china", "China: every prefecture-level unit"},
}

// China names the region of every city.
const China = "china"

// Regions returns the named regions: yrd (41 cities), bth (13), gba (11),
// chengyu (16) and china (every city).
func (g *Gazetteer) Regions() []Region { return g.regions }

// Region returns the region called name (case aside), or an
// *UnknownRegionError listing the names.
func (g *Gazetteer) Region(name string) (Region, error) {
	key := strings.ToLower(strings.TrimSpace(name))
	for _, r := range g.regions {
		if r.Name == key {
			return r, nil
		}
	}
	return Region{}, &UnknownRegionError{Name: name, Known: g.regionNames()}
}

func (g *Gazetteer) regionNames() []string {
	names := make([]string, len(g.regions))
	for i, r := range g.regions {
		names[i] = r.Name
	}
	return names
}

// UnknownRegionError is a region name that is not one of the gazetteer's.
type UnknownRegionError struct {
	Name  string
	Known []string
}

func (e *UnknownRegionError) Error() string {
	return fmt.Sprintf("unknown region %q; the regions are %s", e.Name, strings.Join(e.Known, ", "))
}

// readRegions reads the members of each region by Chinese name, gives
// each member the English name the region's file gives it, and adds the
// region of every city.
func (g *Gazetteer) readRegions(src []byte) error {
	rows, err := records(src, "region", "name_zh", "name_en", "province_en")
	if err != nil {
		return fmt.Errorf("regions: %w", err)
	}
	members := map[string][]string{}
	for _, r := range rows {
		i, err := g.byChineseName(r[1])
		if err != nil {
			return fmt.Errorf("regions: %s: %w", r[0], err)
		}
		c := &g.cities[i]
		if c.Province != r[3] {
			return fmt.Errorf("regions: %s: %s is in %s, not %s", r[0], r[1], c.Province, r[3])
		}
		if c.Name != "" && c.Name != r[2] {
			return fmt.Errorf("regions: %s: %s is called %s and %s", r[0], r[1], c.Name, r[2])
		}
		c.Name = r[2]
		if slices.Contains(members[r[0]], c.Adcode) {
			return fmt.Errorf("regions: %s lists %s twice", r[0], r[1])
		}
		members[r[0]] = append(members[r[0]], c.Adcode)
	}
	for _, t := range regionTitles {
		codes := members[t.name]
		if t.name == China {
			for _, c := range g.cities {
				codes = append(codes, c.Adcode)
			}
		}
		if len(codes) == 0 {
			return fmt.Errorf("regions: %s has no member", t.name)
		}
		g.regions = append(g.regions, Region{Name: t.name, Title: t.title, Adcodes: codes})
		delete(members, t.name)
	}
	for name := range members {
		return fmt.Errorf("regions: %s has no title", name)
	}
	return nil
}

// byChineseName finds the city whose official Chinese name is name.
func (g *Gazetteer) byChineseName(name string) (int, error) {
	for i, c := range g.cities {
		if c.NameZH == name {
			return i, nil
		}
	}
	return 0, fmt.Errorf("no city is called %s", name)
}
