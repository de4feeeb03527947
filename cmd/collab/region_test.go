package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"collab/data"
	"collab/gazetteer"
)

// regionScores writes a name,score CSV of the region's cities, by the
// names name gives each (Chinese or English), with made-up scores: the
// first city 100, the next 90, and so on (at least 1).
func regionScores(t *testing.T, region string, name func(gazetteer.City) string, extra ...string) string {
	t.Helper()
	g := gazetteer.Default()
	r, err := g.Region(region)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("name,score\n")
	for i, code := range r.Adcodes {
		c, _ := g.ByAdcode(code)
		b.WriteString(csvField(name(c)) + "," + strconv.Itoa(max(100-10*i, 1)) + "\n")
	}
	for _, row := range extra {
		b.WriteString(row + "\n")
	}
	path := filepath.Join(t.TempDir(), region+"_scores.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func csvField(s string) string {
	if strings.ContainsAny(s, ",\"") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

// chinese is the city's name as a user writes it: without its suffix.
func chinese(c gazetteer.City) string { return strings.TrimSuffix(c.NameZH, "市") }

// english is the English name, with the province where two cities share
// it (Suzhou, Taizhou).
func english(c gazetteer.City) string {
	if _, err := gazetteer.Default().Lookup(c.Name); err != nil {
		return c.Name + " (" + c.Province + ")"
	}
	return c.Name
}

// TestPlaceRegionScores reads a name,score CSV of each region in Chinese
// and in English: every city is placed, takes its adcode as id, and its
// neighbours are the gazetteer's among the region's cities. Shenzhen's
// are checked by hand: it borders Dongguan, Huizhou and Hong Kong (and
// no other city of the GBA).
func TestPlaceRegionScores(t *testing.T) {
	g := gazetteer.Default()
	env := &environment{stdin: strings.NewReader(""), stdout: &strings.Builder{}, stderr: &strings.Builder{}}
	for _, region := range []string{"gba", "bth", "chengyu", "yrd"} {
		for _, lang := range []struct {
			name string
			of   func(gazetteer.City) string
		}{{"chinese", chinese}, {"english", english}} {
			t.Run(region+"/"+lang.name, func(t *testing.T) {
				path := regionScores(t, region, lang.of)
				ds, _, err := env.load(path, input{columns: data.Options{Place: placer()}})
				if err != nil {
					t.Fatal(err)
				}
				r, _ := g.Region(region)
				if ds.Input.Placed != len(r.Adcodes) || len(ds.Cities) != len(r.Adcodes) {
					t.Fatalf("placed %d of %d cities, want %d", ds.Input.Placed, len(ds.Cities), len(r.Adcodes))
				}
				for i, c := range ds.Cities {
					want, _ := g.ByAdcode(r.Adcodes[i])
					var nb []string
					for _, code := range want.Neighbors {
						if slices.Contains(r.Adcodes, code) {
							nb = append(nb, code)
						}
					}
					if c.ID != want.Adcode || c.Lat != want.Position[1] || c.Lon != want.Position[0] || c.Province != want.Province || !slices.Equal(c.Neighbors, nb) {
						t.Errorf("city %d = %+v, want %s at %v, neighbours %v", i, c, want.Label(), want.Position, nb)
					}
				}
			})
		}
	}
	ds, _, err := env.load(regionScores(t, "gba", english), input{columns: data.Options{Place: placer()}})
	if err != nil {
		t.Fatal(err)
	}
	shenzhen := ds.Cities[ds.Index()["440300"]]
	if want := []string{"441300", "441900", "810000"}; !slices.Equal(shenzhen.Neighbors, want) {
		t.Errorf("Shenzhen's neighbours %v, want %v (Huizhou, Dongguan, Hong Kong)", shenzhen.Neighbors, want)
	}
}

// TestAnalyzeRegion runs collab analyze scores.csv --region NAME end to
// end on a table of names with two cities of other regions: the region's
// cities are kept, placed and analysed with their contiguity.
func TestAnalyzeRegion(t *testing.T) {
	for _, c := range []struct {
		region string
		n      int
	}{{"gba", 11}, {"bth", 13}, {"chengyu", 16}} {
		t.Run(c.region, func(t *testing.T) {
			path := regionScores(t, c.region, english, "上海,500", "Hangzhou,300")
			stdout, stderr, code := invoke(t, "", "analyze", path, "--region", c.region, "--format", "json")
			if code != 0 {
				t.Fatalf("exit %d:\n%s", code, stderr)
			}
			if want := "--region " + c.region + ": kept " + strconv.Itoa(c.n) + " of the " + strconv.Itoa(c.n+2) + " cities"; !strings.Contains(stderr, want) {
				t.Errorf("stderr %q lacks %q", stderr, want)
			}
			var res struct {
				Cities []struct {
					ID string `json:"id"`
				} `json:"cities"`
				Weights struct {
					Kind  string `json:"kind"`
					Links int    `json:"links"`
				} `json:"weights"`
			}
			if err := json.Unmarshal([]byte(stdout), &res); err != nil {
				t.Fatal(err)
			}
			r, _ := gazetteer.Default().Region(c.region)
			var ids []string
			for _, city := range res.Cities {
				ids = append(ids, city.ID)
			}
			slices.Sort(ids)
			want := slices.Sorted(slices.Values(r.Adcodes))
			if !slices.Equal(ids, want) {
				t.Errorf("cities %v, want the region's %v", ids, want)
			}
			links := 0 // the gazetteer's neighbours within the region, each pair both ways
			for _, code := range r.Adcodes {
				city, _ := gazetteer.Default().ByAdcode(code)
				for _, nb := range city.Neighbors {
					if slices.Contains(r.Adcodes, nb) {
						links++
					}
				}
			}
			if res.Weights.Kind != "contiguity" || res.Weights.Links != links {
				t.Errorf("weights %+v, want contiguity with %d links", res.Weights, links)
			}
		})
	}
	stdout, stderr, code := invoke(t, "", "analyze", filepath.Join("..", "..", "examples", "gba_scores.csv"), "--region", "gba")
	if code != 0 || !strings.Contains(stdout, "11 cities") || !strings.Contains(stdout, "contiguity weights") {
		t.Errorf("the README's example: exit %d, stderr %s\n%.600s", code, stderr, stdout)
	}
}

// TestRegionWithoutFile: with no FILE, --region keeps cities of the
// embedded sample; the sample holds the whole of yrd and none of gba.
func TestRegionWithoutFile(t *testing.T) {
	stdout, stderr, code := invoke(t, "", "analyze", "--region", "yrd", "--top", "3")
	if code != 0 || !strings.Contains(stderr, "kept 41 of the 41 cities") || !strings.Contains(stdout, "41 cities") {
		t.Errorf("analyze --region yrd: exit %d\n%s\n%.300s", code, stderr, stdout)
	}
	_, stderr, code = invoke(t, "", "analyze", "--region", "gba")
	if code != exitUsage || !strings.Contains(stderr, "without FILE, --region keeps cities of the embedded Yangtze River Delta sample") {
		t.Errorf("analyze --region gba without FILE: exit %d\n%s", code, stderr)
	}
}

// TestRegionWarnsOfMissingMembers: a file with some of a region's cities
// keeps them and says which are missing.
func TestRegionWarnsOfMissingMembers(t *testing.T) {
	path := filepath.Join(t.TempDir(), "three.csv")
	os.WriteFile(path, []byte("name,score\n广州,3\n深圳,4\n佛山,2\n北京,9\n"), 0o644)
	_, stderr, code := invoke(t, "", "analyze", path, "--region", "gba", "--format", "json")
	if code != 0 || !strings.Contains(stderr, "the region gba has 11 cities; 8 are not in the data: Zhuhai 珠海市 (Guangdong, 440400)") {
		t.Errorf("exit %d\n%s", code, stderr)
	}
}

// TestGoldenRegions: collab regions and one region's members.
func TestGoldenRegions(t *testing.T) {
	golden(t, "regions", 0, "regions")
	golden(t, "regions-gba", 0, "regions", "gba")
	golden(t, "regions-gba-csv", 0, "regions", "gba", "--format", "csv")
	_, stderr, code := invoke(t, "", "regions", "pearl")
	if code != exitUsage || !strings.Contains(stderr, `unknown region "pearl"; the regions are yrd, bth, gba, chengyu, china`) {
		t.Errorf("regions pearl: exit %d %s", code, stderr)
	}
	stdout, _, code := invoke(t, "", "regions", "china", "--format", "json")
	var doc struct {
		Cities []member `json:"cities"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); code != 0 || err != nil || len(doc.Cities) != 339 {
		t.Fatalf("regions china --format json: exit %d, %v, %d cities", code, err, len(doc.Cities))
	}
	for _, c := range doc.Cities {
		if (c.Lat == nil) != (c.Adcode == "460300") {
			t.Errorf("%s: lat %v; only Sansha has no position", c.Adcode, c.Lat)
		}
	}
}

// TestRegionsCSVIsInput: the CSV collab regions writes reads back as the
// region's cities with their neighbours (with a score column added).
func TestRegionsCSVIsInput(t *testing.T) {
	stdout, _, _ := invoke(t, "", "regions", "bth", "--format", "csv")
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	for i := range lines {
		lines[i] += "," + strconv.Itoa(i)
	}
	lines[0] = strings.TrimSuffix(lines[0], ",0") + ",score"
	ds, err := data.Read(strings.NewReader(strings.Join(lines, "\n")), "bth.csv", data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Cities) != 13 || ds.Input.Placed != 0 || !ds.HasNeighbors() {
		t.Errorf("%d cities, %d placed, neighbours %v", len(ds.Cities), ds.Input.Placed, ds.HasNeighbors())
	}
}

// TestRegionOfNamedCities: --region matches a file's cities by name too,
// and a name of two cities by the one whose seat is within 50 km of the
// city's position (the two Suzhous' seats are 426 km apart).
func TestRegionOfNamedCities(t *testing.T) {
	path := filepath.Join(t.TempDir(), "named.csv")
	src := "id,name,lat,lon,score\na,Suzhou,31.30,120.60,5\nb,Suzhou,33.63,116.98,3\nc,Shanghai,31.23,121.47,9\nd,Guangzhou,23.13,113.27,4\ne,Nanjing,32.07,118.78,6\n"
	os.WriteFile(path, []byte(src), 0o644)
	stdout, stderr, code := invoke(t, "", "export", "--format", "csv", path, "--region", "yrd")
	if code != 0 || !strings.Contains(stderr, "kept 4 of the 5 cities") {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if strings.Contains(stdout, "Guangzhou") || !strings.Contains(stdout, "\na,") || !strings.Contains(stdout, "\nb,") {
		t.Errorf("cities.csv:\n%s", stdout)
	}
	if !strings.Contains(stderr, "37 are not in the data") {
		t.Errorf("stderr lacks the missing members: %s", stderr)
	}
}

// TestPlaceManyUnknown: a large table of names outside the gazetteer fails
// quickly, every row reported; past the first 100 without suggestions.
func TestPlaceManyUnknown(t *testing.T) {
	var b strings.Builder
	b.WriteString("name,score\n")
	for i := range 20000 {
		b.WriteString("Nowhere" + strconv.Itoa(i) + ",1\n")
	}
	path := filepath.Join(t.TempDir(), "many.csv")
	os.WriteFile(path, []byte(b.String()), 0o644)
	_, stderr, code := invoke(t, "", "validate", path)
	if code != exitInvalid || !strings.Contains(stderr, "20000 problems") {
		t.Errorf("exit %d, %.300s", code, stderr)
	}
}

// TestPlaceByAdcodeAndSansha: an adcode,score table is placed by its
// adcodes (Beijing, Tianjin, Baoding: two pairs of neighbours, Beijing's
// with each, as the source lists them: it has no Tianjin-Baoding pair).
// Sansha, which the gazetteer has no position for, is an error that says
// so rather than a city at 0, 0.
func TestPlaceByAdcodeAndSansha(t *testing.T) {
	dir := t.TempDir()
	codes := filepath.Join(dir, "codes.csv")
	os.WriteFile(codes, []byte("adcode,score\n110100,9\n120100,5\n130600,2\n"), 0o644)
	stdout, stderr, code := invoke(t, "", "validate", codes)
	if code != 0 || !strings.Contains(stdout, "3 cities") || !strings.Contains(stdout, "3 placed from the gazetteer") || !strings.Contains(stdout, "(2 pairs)") {
		t.Errorf("validate codes.csv: exit %d\n%s%s", code, stdout, stderr)
	}
	sansha := filepath.Join(dir, "hainan.csv")
	os.WriteFile(sansha, []byte("name,score\n海口,3\n三沙,1\n三亚,2\n"), 0o644)
	_, stderr, code = invoke(t, "", "validate", sansha)
	if code != exitInvalid || !strings.Contains(stderr, "hainan.csv:3:1: row 2, name: no lat and lon, and 三沙市 (Hainan, 460300) has no coordinates in the gazetteer (its source gives none): give its lat and lon") {
		t.Errorf("validate hainan.csv: exit %d\n%s", code, stderr)
	}
}
