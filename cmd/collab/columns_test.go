package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestColumnFlags: a spreadsheet's own column names are mapped by flags
// (the id column also the name), a links file of from,to,count is read,
// --links-directed directs it, and --title names the region.
func TestColumnFlags(t *testing.T) {
	dir := t.TempDir()
	cities := filepath.Join(dir, "m.csv")
	links := filepath.Join(dir, "l.csv")
	os.WriteFile(cities, []byte("City,Y,X,Prov,Local,Index\nShanghai,31.23,121.47,Shanghai,上海,100\nSuzhou,31.3,120.58,Jiangsu,苏州,50\nHangzhou,30.27,120.15,Zhejiang,杭州,40\nNanjing,32.06,118.8,Jiangsu,南京,30\n"), 0o644)
	os.WriteFile(links, []byte("from,to,count\nShanghai,Suzhou,12\nSuzhou,Shanghai,3\nShanghai,Hangzhou,7\nNanjing,Suzhou,2\n"), 0o644)
	args := []string{"analyze", cities, "--id", "City", "--name", "City", "--lat", "Y", "--lon", "X", "--province", "Prov",
		"--name-local", "Local", "--score", "Index", "--links", links, "--links-directed", "--title", "Four cities", "--format", "json"}
	stdout, stderr, code := invoke(t, "", args...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res struct {
		Dataset struct{ Name string }
		Cities  []struct {
			ID, Name, Province string
			NameLocal          string `json:"name_local"`
		}
		Network struct {
			Directed bool
			Links    int
		}
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	if res.Dataset.Name != "Four cities" || !res.Network.Directed || res.Network.Links != 4 {
		t.Errorf("dataset %q, directed %v, %d links; want Four cities, directed, 4", res.Dataset.Name, res.Network.Directed, res.Network.Links)
	}
	if c := res.Cities[0]; c.ID != "Shanghai" || c.Name != "Shanghai" {
		t.Errorf("city 0 %+v", c)
	}
	for _, c := range res.Cities {
		if c.NameLocal == "" || c.Province == "" {
			t.Errorf("city %s lacks its local name or province: %+v", c.ID, c)
		}
	}
	_, stderr, code = invoke(t, "", "analyze", cities, "--id", "City", "--lat", "Y", "--lon", "X", "--score", "Index", "--links-directed")
	if code != 2 || !strings.Contains(stderr, "--links-directed describes the --links file") {
		t.Errorf("--links-directed without --links: exit %d, %s", code, stderr)
	}
}

// TestLinksOfTheYear: with links by year, --year studies that year's links
// (the latest by default), and a long panel CSV reads as a panel.
func TestLinksOfTheYear(t *testing.T) {
	dir := t.TempDir()
	cities := filepath.Join(dir, "long.csv")
	links := filepath.Join(dir, "links.csv")
	os.WriteFile(cities, []byte("id,lat,lon,year,score\na,31,121,2001,1\na,31,121,2021,4\nb,31.5,120.5,2001,2\nb,31.5,120.5,2021,5\nc,32,120,2001,3\nc,32,120,2021,3\nd,30.5,120,2001,0.5\nd,30.5,120,2021,6\n"), 0o644)
	os.WriteFile(links, []byte("from,to,count,year\na,b,1,2001\nb,c,1,2001\na,b,5,2021\nb,c,7,2021\nc,d,2,2021\n"), 0o644)
	for _, c := range []struct {
		year  []string
		links int
	}{{nil, 3}, {[]string{"--year", "2001"}, 2}, {[]string{"--year", "2021"}, 3}} {
		args := append([]string{"analyze", cities, "--links", links, "--edges", "links", "--format", "json"}, c.year...)
		stdout, stderr, code := invoke(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", c.year, code, stderr)
		}
		var res struct {
			Dataset struct{ Years []int }
			Network struct{ Links int }
		}
		json.Unmarshal([]byte(stdout), &res)
		if res.Network.Links != c.links || len(res.Dataset.Years) != 2 {
			t.Errorf("%v: %d links, years %v; want %d links of the year, a 2-year panel", c.year, res.Network.Links, res.Dataset.Years, c.links)
		}
	}
}
