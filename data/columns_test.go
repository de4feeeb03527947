package data

import (
	"errors"
	"strings"
	"testing"
)

// TestEveryColumnMapped: every city field can be read from a column of
// another name, and one column can be both the id and the name.
func TestEveryColumnMapped(t *testing.T) {
	src := "City,Y,X,Prov,Local,Index\nShanghai,31.23,121.47,Shanghai,上海,100\nSuzhou,31.3,120.58,Jiangsu,苏州,50\nHangzhou,30.27,120.15,Zhejiang,杭州,40\n"
	o := Options{ID: "City", Name: "City", Lat: "Y", Lon: "X", Province: "Prov", NameLocal: "Local", Score: "Index"}
	ds, err := readWith(o, "m.csv", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	c := ds.Cities[1]
	if c.ID != "Suzhou" || c.Name != "Suzhou" || c.Lat != 31.3 || c.Lon != 120.58 || c.Province != "Jiangsu" || c.NameLocal != "苏州" || c.Scores[0] != 50 {
		t.Errorf("city 1 read as %+v", c)
	}
	if len(ds.Input.Ignored) != 0 {
		t.Errorf("ignored %v: every column is mapped", ds.Input.Ignored)
	}
	// The same file as GeoJSON-free JSON: collab's JSON names its fields.
	if _, err := readWith(Options{Lat: "Y"}, "m.json", []byte(`{"cities": []}`)); err == nil || !strings.Contains(err.Error(), "lat") {
		t.Errorf("a lat mapping on collab's JSON: %v, want it refused naming lat", err)
	}
}

// TestLinkColumns: a links file's columns are found under their common
// names (from, to, count) or as mapped, and LinksDirected directs them.
func TestLinkColumns(t *testing.T) {
	cities := "id,lat,lon,score\na,31,120,1\nb,31,121,2\nc,32,120,3\n"
	for _, c := range []struct {
		name  string
		links string
		o     Options
		want  []Link
	}{
		{"from,to,count", "from,to,count\na,b,12\nb,c,3\n", Options{}, []Link{{Source: "a", Target: "b", Weight: 12}, {Source: "b", Target: "c", Weight: 3}}},
		{"origin,destination,flow", "origin,destination,flow\na,c,2\n", Options{}, []Link{{Source: "a", Target: "c", Weight: 2}}},
		{"mapped", "i,j,patents\na,b,5\n", Options{Source: "i", Target: "j", Weight: "patents"}, []Link{{Source: "a", Target: "b", Weight: 5}}},
		{"directed", "source,target,weight\na,b,1\nb,a,4\n", Options{LinksDirected: true}, []Link{{Source: "a", Target: "b", Weight: 1}, {Source: "b", Target: "a", Weight: 4}}},
	} {
		o := c.o
		o.Links, o.LinksName = strings.NewReader(c.links), "links.csv"
		ds, err := readWith(o, "cities.csv", []byte(cities))
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if len(ds.Links) != len(c.want) {
			t.Errorf("%s: %d links, want %d", c.name, len(ds.Links), len(c.want))
			continue
		}
		for k, l := range ds.Links {
			w := c.want[k]
			if l.Source != w.Source || l.Target != w.Target || l.Weight != w.Weight {
				t.Errorf("%s: link %d is %+v, want %+v", c.name, k, l, w)
			}
		}
		if ds.Directed != c.o.LinksDirected {
			t.Errorf("%s: directed %v", c.name, ds.Directed)
		}
	}
	o := Options{Links: strings.NewReader("i,j\na,b\n"), LinksName: "links.csv"}
	_, err := readWith(o, "cities.csv", []byte(cities))
	var problems Problems
	if !errors.As(err, &problems) || !strings.Contains(problems.Render(flags), `no "source" column`) || !strings.Contains(problems.Render(flags), "--source") {
		t.Errorf("unmapped link columns: %v, want the missing source column and --source", err)
	}
}
