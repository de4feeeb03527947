package gazetteer

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestLookup finds cities by adcode, Chinese name (with and without its
// suffix) and English name; the expected adcodes are those of the source
// table china_prefecture_cities.csv (checked by eye against it: 北京市
// 110100, 苏州市 320500, 宿州市 341300, 泰州市 321200, 台州市 331000, ...).
func TestLookup(t *testing.T) {
	g := Default()
	cases := []struct {
		text   string
		adcode string
	}{
		{"110100", "110100"},
		{" 440300 ", "440300"},
		{"北京", "110100"},
		{"北京市", "110100"},
		{"Beijing", "110100"},
		{"beijing city", "110100"},
		{"BEIJING", "110100"},
		{"Suzhou (Jiangsu)", "320500"},
		{"Suzhou, Jiangsu", "320500"},
		{"Suzhou, Anhui", "341300"},
		{"Suzhou（安徽）", "341300"},
		{"Suzhou, 江苏", "320500"},
		{"Taizhou (Zhejiang)", "331000"},
		{"苏州", "320500"},
		{"宿州市", "341300"},
		{"Huai'an", "320800"},
		{"huaian", "320800"},
		{"Hong Kong", "810000"},
		{"HongKong", "810000"},
		{"香港", "810000"},
		{"香港特别行政区", "810000"},
		{"Macau", "820000"},
		{"澳门", "820000"},
		{"锡林郭勒盟", "152500"},
		{"锡林郭勒", "152500"},
		{"阿里地区", "542500"},
		{"阿里", "542500"},
		{"延边朝鲜族自治州", "222400"},
		{"延边", "222400"},
		{"延边州", "222400"},
		{"黔东南苗族侗族自治州", "522600"},
		{"黔东南", "522600"},
		{"博尔塔拉", "652700"},
		{"伊犁州", "654000"},
		{"Chongqing", "500100"},
		{"Hong Kong, Hong Kong", "810000"},
		{"Suzhou, Jiangsu Province", "320500"},
		{"Taizhou, Zhejiang province", "331000"},
	}
	for _, c := range cases {
		got, err := g.Lookup(c.text)
		if err != nil {
			t.Errorf("Lookup(%q): %v", c.text, err)
			continue
		}
		if got.Adcode != c.adcode {
			t.Errorf("Lookup(%q) = %s, want %s", c.text, got.Label(), c.adcode)
		}
	}
}

// TestLookupErrors: an ambiguous name names each candidate with its
// province; an unknown one the nearest spellings.
func TestLookupErrors(t *testing.T) {
	g := Default()
	cases := []struct {
		text      string
		ambiguous bool
		want      []string // parts of the message
	}{
		{"suzhou", true, []string{`"suzhou" names 2 cities`, "Suzhou 苏州市 (Jiangsu, 320500)", "Suzhou 宿州市 (Anhui, 341300)", `"suzhou, Jiangsu"`}},
		{"Taizhou", true, []string{"Taizhou 泰州市 (Jiangsu, 321200)", "Taizhou 台州市 (Zhejiang, 331000)"}},
		{"Guangzou", false, []string{`"Guangzou" is not the name`, "did you mean Guangzhou 广州市 (Guangdong, 440100)?"}},
		{"Shenzen", false, []string{"did you mean Shenzhen 深圳市 (Guangdong, 440300)?"}},
		{"广洲", false, []string{"Guangzhou 广州市 (Guangdong, 440100)"}},
		{"Suzhou, Hubei", false, []string{`no city "Suzhou" in the province "Hubei"`, "Jiangsu, 320500", "Anhui, 341300"}},
		{"320505", false, []string{`"320505" is not the adcode`, "did you mean Suzhou 苏州市 (Jiangsu, 320500)?"}},
		{"Wuhan", false, []string{"English names are known only for the cities of the named regions"}},
		{"", false, []string{"no name or adcode"}},
	}
	for _, c := range cases {
		_, err := g.Lookup(c.text)
		var amb *AmbiguousError
		var unk *UnknownError
		switch {
		case err == nil:
			t.Errorf("Lookup(%q): no error", c.text)
			continue
		case c.ambiguous && !errors.As(err, &amb):
			t.Errorf("Lookup(%q): %T, want *AmbiguousError", c.text, err)
		case !c.ambiguous && !errors.As(err, &unk):
			t.Errorf("Lookup(%q): %T, want *UnknownError", c.text, err)
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("Lookup(%q) = %q, want it to contain %q", c.text, err, w)
			}
		}
	}
}

// TestRegions: the sizes the issue and the region files give.
func TestRegions(t *testing.T) {
	g := Default()
	want := map[string]int{"yrd": 41, "bth": 13, "gba": 11, "chengyu": 16, "china": 339}
	if len(g.Regions()) != len(want) {
		t.Errorf("%d regions, want %d", len(g.Regions()), len(want))
	}
	for name, n := range want {
		r, err := g.Region(strings.ToUpper(name))
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Adcodes) != n {
			t.Errorf("%s has %d cities, want %d", name, len(r.Adcodes), n)
		}
		for _, code := range r.Adcodes {
			if _, ok := g.ByAdcode(code); !ok {
				t.Errorf("%s: member %s is not in the gazetteer", name, code)
			}
		}
	}
	gba, _ := g.Region("gba")
	for _, code := range []string{"810000", "820000"} {
		if !slices.Contains(gba.Adcodes, code) {
			t.Errorf("gba lacks %s (Hong Kong, Macao)", code)
		}
	}
	if _, err := g.Region("pearl"); err == nil || !strings.Contains(err.Error(), "yrd, bth, gba, chengyu, china") {
		t.Errorf("Region(pearl) = %v, want the list of regions", err)
	}
}

// TestSampleRegion: yrd is the sample's 41 cities, by adcode, with the
// sample's English names (data/samples/yrd.json).
func TestSampleRegion(t *testing.T) {
	var sample struct {
		Cities []struct{ ID, Name, Province string }
	}
	src, err := os.ReadFile(filepath.Join("..", "data", "samples", "yrd.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(src, &sample); err != nil {
		t.Fatal(err)
	}
	g := Default()
	yrd, _ := g.Region("yrd")
	var ids []string
	for _, c := range sample.Cities {
		ids = append(ids, c.ID)
		got, err := g.Lookup(c.Name)
		if err != nil || got.Adcode != c.ID || got.Province != c.Province {
			t.Errorf("Lookup(%q) = %s, %v; the sample says %s in %s", c.Name, got.Label(), err, c.ID, c.Province)
		}
	}
	if !slices.Equal(ids, yrd.Adcodes) {
		t.Errorf("yrd = %v, the sample's cities are %v", yrd.Adcodes, ids)
	}
}

// TestCities: 339 units, every one located but Sansha, every province
// named in English.
func TestCities(t *testing.T) {
	g := Default()
	if n := len(g.Cities()); n != 339 {
		t.Errorf("%d cities, want 339", n)
	}
	for _, c := range g.Cities() {
		if c.Located != (c.Adcode != "460300") {
			t.Errorf("%s: located %v", c.Label(), c.Located)
		}
		if c.Located && !(c.Position[1] > 18 && c.Position[1] < 54 && c.Position[0] > 73 && c.Position[0] < 135) {
			t.Errorf("%s at %v: outside China's bounding box", c.Label(), c.Position)
		}
		if c.Province == "" {
			t.Errorf("%s: no English province", c.Label())
		}
	}
	bj, _ := g.ByAdcode("110100")
	if bj.Position != [2]float64{116.4, 39.9} {
		t.Errorf("Beijing at %v, the source says lat 39.9, lon 116.4", bj.Position)
	}
}

// TestContiguityAsSource: the neighbours are symmetric and are, pair for
// pair, those of the shared source china_prefecture_neighbors.csv (when
// present; the embedded copy otherwise), with facts checked by hand:
// Shenzhen-Hong Kong, Zhuhai-Macao, and Hainan's prefecture cities alone.
func TestContiguityAsSource(t *testing.T) {
	g := Default()
	pairs := map[[2]string]bool{}
	for _, c := range g.Cities() {
		if !slices.IsSorted(c.Neighbors) {
			t.Errorf("%s: neighbours not sorted", c.Adcode)
		}
		for _, nb := range c.Neighbors {
			other, _ := g.ByAdcode(nb)
			if !slices.Contains(other.Neighbors, c.Adcode) {
				t.Errorf("%s lists %s, which does not list it", c.Adcode, nb)
			}
			pairs[[2]string{min(c.Adcode, nb), max(c.Adcode, nb)}] = true
		}
	}
	source := filepath.Join("..", "..", "shared", "data", "sources", "china_prefecture_neighbors.csv")
	if _, err := os.Stat(source); err != nil {
		t.Logf("shared source not found (%v): comparing with the embedded copy", err)
		source = "neighbors.csv"
	}
	want := readPairs(t, source)
	if len(want) != 897 || len(pairs) != len(want) {
		t.Errorf("%d pairs, the source has %d (897 documented)", len(pairs), len(want))
	}
	for p := range want {
		if !pairs[p] {
			t.Errorf("pair %v of the source is missing", p)
		}
	}
	for _, p := range [][2]string{{"440300", "810000"}, {"440400", "820000"}} {
		if !pairs[p] {
			t.Errorf("%v should be neighbours", p)
		}
	}
	for _, code := range []string{"460100", "460200", "460300", "460400"} {
		if c, _ := g.ByAdcode(code); len(c.Neighbors) != 0 {
			t.Errorf("%s has neighbours %v; Hainan's prefecture cities touch none", c.Label(), c.Neighbors)
		}
	}
}

// TestContiguityAgainstSample checks the shared data README's statement:
// against the 97 hand-compiled neighbour pairs of the YRD sample, the
// derived contiguity has 94 in common, adds 6 and misses 3. The README
// names the third Huaibei-Bozhou; the files say Suzhou (Anhui)-Bozhou
// (341300-341600): Huaibei-Bozhou is in both.
func TestContiguityAgainstSample(t *testing.T) {
	var sample struct {
		Cities []struct {
			ID        string
			Neighbors []string
		}
	}
	src, err := os.ReadFile(filepath.Join("..", "data", "samples", "yrd.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(src, &sample); err != nil {
		t.Fatal(err)
	}
	hand := map[[2]string]bool{}
	for _, c := range sample.Cities {
		for _, nb := range c.Neighbors {
			hand[[2]string{min(c.ID, nb), max(c.ID, nb)}] = true
		}
	}
	g := Default()
	yrd, _ := g.Region("yrd")
	derived := map[[2]string]bool{}
	for _, code := range yrd.Adcodes {
		c, _ := g.ByAdcode(code)
		for _, nb := range c.Neighbors {
			if slices.Contains(yrd.Adcodes, nb) {
				derived[[2]string{min(code, nb), max(code, nb)}] = true
			}
		}
	}
	common, missed := 0, [][2]string{}
	for p := range hand {
		if derived[p] {
			common++
		} else {
			missed = append(missed, p)
		}
	}
	slices.SortFunc(missed, func(a, b [2]string) int { return strings.Compare(a[0]+a[1], b[0]+b[1]) })
	wantMissed := [][2]string{{"320400", "330500"}, {"330200", "330900"}, {"341300", "341600"}}
	if !derived[[2]string{"340600", "341600"}] || !hand[[2]string{"340600", "341600"}] {
		t.Error("Huaibei-Bozhou (340600-341600) should be in both")
	}
	if len(hand) != 97 || common != 94 || len(derived)-common != 6 || !slices.Equal(missed, wantMissed) {
		t.Errorf("hand %d, common %d, added %d, missed %v; want 97, 94, 6, %v", len(hand), common, len(derived)-common, missed, wantMissed)
	}
}

func readPairs(t *testing.T, path string) map[[2]string]bool {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	pairs := map[[2]string]bool{}
	for _, row := range rows[1:] {
		pairs[[2]string{min(row[0], row[1]), max(row[0], row[1])}] = true
	}
	return pairs
}

// TestParseRefusesBadTables: the checks that keep the embedded tables
// honest fail on tables that break them.
func TestParseRefusesBadTables(t *testing.T) {
	cities := "adcode,name_zh,province_zh,lat,lon\n110100,北京市,北京市,39.9,116.4\n120100,天津市,天津市,39.12,117.2\n"
	provinces := "province_zh,province_en\n北京市,Beijing\n天津市,Tianjin\n"
	neighbors := "adcode,neighbor_adcode\n110100,120100\n"
	regions := "region,name_zh,name_en,province_en\nyrd,北京市,Beijing,Beijing\nbth,北京市,Beijing,Beijing\ngba,天津市,Tianjin,Tianjin\nchengyu,天津市,Tianjin,Tianjin\n"
	if _, err := parse([]byte(cities), []byte(neighbors), []byte(provinces), []byte(regions)); err != nil {
		t.Fatalf("a valid table: %v", err)
	}
	bad := []struct{ name, cities, neighbors, provinces, regions, want string }{
		{"unknown neighbour", cities, "adcode,neighbor_adcode\n110100,999999\n", provinces, regions, "not two cities"},
		{"no English province", cities + "130100,石家庄市,河北省,38.05,114.52\n", neighbors, provinces, regions, "no English name for the province"},
		{"wrong province", cities, neighbors, provinces, strings.Replace(regions, "bth,北京市,Beijing,Beijing", "bth,北京市,Beijing,Hebei", 1), "is in Beijing, not Hebei"},
		{"unknown member", cities, neighbors, provinces, regions + "gba,香港,Hong Kong,Hong Kong SAR\n", "no city is called 香港"},
		{"bad latitude", strings.Replace(cities, "39.9", "north", 1), neighbors, provinces, regions, "110100"},
		{"duplicate adcode", cities + "110100,北京市,北京市,39.9,116.4\n", neighbors, provinces, regions, "adcode 110100 twice"},
	}
	for _, b := range bad {
		_, err := parse([]byte(b.cities), []byte(b.neighbors), []byte(b.provinces), []byte(b.regions))
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%s: %v, want %q", b.name, err, b.want)
		}
	}
}

// BenchmarkLookup measures a known name and an unknown one (which looks
// for the nearest spellings among every name).
func BenchmarkLookup(b *testing.B) {
	g := Default()
	for _, text := range []string{"Guangzhou", "Guangzou"} {
		b.Run(text, func(b *testing.B) {
			for b.Loop() {
				g.Lookup(text)
			}
		})
	}
}

// TestLookupExact finds what Lookup finds and says the same of an unknown
// name, without the nearest spellings.
func TestLookupExact(t *testing.T) {
	g := Default()
	if c, err := g.LookupExact("广州"); err != nil || c.Adcode != "440100" {
		t.Errorf("LookupExact(广州) = %v, %v", c.Label(), err)
	}
	_, err := g.LookupExact("Guangzou")
	var unk *UnknownError
	if !errors.As(err, &unk) || len(unk.Suggestions) != 0 || !strings.Contains(err.Error(), `"Guangzou" is not the name`) {
		t.Errorf("LookupExact(Guangzou) = %v", err)
	}
	if _, err := g.LookupExact("Suzhou"); !strings.Contains(fmt.Sprint(err), "names 2 cities") {
		t.Errorf("LookupExact(Suzhou) = %v", err)
	}
}
