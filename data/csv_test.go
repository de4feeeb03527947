package data

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

const citiesCSV = `id,name,province,lat,lon,score_2001,score_2021,neighbors
310100,Shanghai,Shanghai,31.23,121.47,5.7623,1245.49,320500
320500,Suzhou (Jiangsu),Jiangsu,31.3,120.58,1.5861,572.29,310100;320200
320200,Wuxi,Jiangsu,31.49,120.31,1.4,366.47,320500
`

func readCSV(t *testing.T, o Options, src string) *Dataset {
	t.Helper()
	ds, err := readWith(o, "c.csv", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func TestReadCSV(t *testing.T) {
	ds := readCSV(t, Options{}, citiesCSV)
	if ds.Input.Format != "CSV" || ds.Name != "c" || !reflect.DeepEqual(ds.Years, []int{2001, 2021}) || len(ds.Cities) != 3 {
		t.Fatalf("read %+v", ds)
	}
	su := ds.Cities[1]
	want := City{ID: "320500", Name: "Suzhou (Jiangsu)", Province: "Jiangsu", Lat: 31.3, Lon: 120.58,
		Scores: []float64{1.5861, 572.29}, Neighbors: []string{"310100", "320200"}}
	if !reflect.DeepEqual(su, want) {
		t.Errorf("city\n%+v, want\n%+v", su, want)
	}
}

// TestCSVDialects: a byte-order mark, CRLF line ends, tabs, semicolons with
// decimal commas, quoted fields and trailing delimiters all read as the
// plain file does.
func TestCSVDialects(t *testing.T) {
	plain := readCSV(t, Options{}, citiesCSV)
	semicolon := strings.NewReplacer(",", ";", ".", ",").Replace(citiesCSV)
	semicolon = strings.ReplaceAll(semicolon, "310100;320200\n", "\"310100;320200\"\n")
	for name, src := range map[string]string{
		"BOM":               "\ufeff" + citiesCSV,
		"CRLF":              strings.ReplaceAll(citiesCSV, "\n", "\r\n"),
		"tab":               strings.ReplaceAll(citiesCSV, ",", "\t"),
		"semicolon":         semicolon,
		"quoted":            strings.ReplaceAll(citiesCSV, "Suzhou (Jiangsu)", `"Suzhou (Jiangsu)"`),
		"trailing comma":    strings.ReplaceAll(citiesCSV, "\n", ",\n"),
		"spaces":            strings.ReplaceAll(citiesCSV, ",", ", "),
		"upper-case header": strings.Replace(citiesCSV, "id,name,province,lat,lon", "ID,Name,Province,LAT,Lon", 1),
	} {
		ds, err := readBytes("c.csv", []byte(src))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !reflect.DeepEqual(ds.Cities, plain.Cities) {
			t.Errorf("%s: cities\n%+v, want\n%+v", name, ds.Cities, plain.Cities)
		}
	}
}

// TestColumnMapping: --id, --score and --name read a user's own column
// names; a score that names no column is the prefix of a panel; other
// columns are ignored and listed.
func TestColumnMapping(t *testing.T) {
	src := `adcode,city_en,lat,lon,patents_2019,patents_2021,area_km2
310100,Shanghai,31.23,121.47,10,20,6340
320500,Suzhou,31.3,120.58,5,9,8657
320200,Wuxi,31.49,120.31,3,4,4627
`
	ds := readCSV(t, Options{ID: "adcode", Name: "city_en", Score: "patents_2021"}, src)
	if ds.Cities[1].ID != "320500" || ds.Cities[1].Name != "Suzhou" || !reflect.DeepEqual(ds.Cities[1].Scores, []float64{9}) || ds.Years != nil {
		t.Errorf("--score patents_2021: %+v, years %v", ds.Cities[1], ds.Years)
	}
	if want := []string{"patents_2019", "area_km2"}; !reflect.DeepEqual(ds.Input.Ignored, want) || ds.ScoreLabel != "patents_2021" {
		t.Errorf("ignored %v, score label %q; want %v, patents_2021", ds.Input.Ignored, ds.ScoreLabel, want)
	}
	panel := readCSV(t, Options{ID: "adcode", Score: "patents"}, src)
	if !reflect.DeepEqual(panel.Years, []int{2019, 2021}) || !reflect.DeepEqual(panel.Cities[2].Scores, []float64{3, 4}) || panel.Cities[2].Name != "320200" {
		t.Errorf("--score patents: years %v, %+v", panel.Years, panel.Cities[2])
	}
}

// TestCSVProblems: every problem of a file comes at once, each at its line
// and column (in characters) with the row and column it concerns.
func TestCSVProblems(t *testing.T) {
	const header = "id,name,lat,lon,score\n"
	rows := "a,A,31.3,120.6,1\nb,B,31,120,2\nc,C,31,121,3\n"
	for _, c := range []struct {
		name, src string
		o         Options
		want      []string
	}{
		{"empty", "", Options{}, []string{"c.csv: the file is empty; the first line must be a header"}},
		{"near-miss column", "id,lat,lng,score\n" + rows, Options{}, []string{`c.csv:1: header: no "lon" column: each city needs lat and lon in WGS84 degrees; "lng" looks like it: rename that column to lon`}},
		{"score column to map", "id,lat,lon,value\n" + rows, Options{}, []string{`no "score" column: give one score per city, or a panel as columns score_2001, score_2021, ...; "value" looks like it: map it with --score value`}},
		{"id column to map", "code,lat,lon,score\n" + rows, Options{}, []string{`no "id" column: each city needs a unique id; "code" looks like it: map it with --id code`}},
		{"mapped column absent", header + rows, Options{Score: "patents"}, []string{`no "patents" column: give one score per city, or a panel as columns patents_2001, patents_2021, ...; "score" looks like it: map it with --score score`}},
		{"duplicate column", "id,lat,lon,score,LAT\n" + rows, Options{}, []string{`c.csv:1:18: header: column "LAT" appears twice; keep one`}},
		{"score and panel", "id,lat,lon,score,score_2021\n" + rows, Options{}, []string{`c.csv:1:12: header: has both a "score" column and panel columns score_2021...`}},
		{"missing year", "id,lat,lon,score_2001,score_2021\na,31,120,1,2\nb,31,121,,3\nc,31,122,1,1\n", Options{}, []string{`c.csv:3:10: row 2, score_2001: no score for 2001; every city needs a score for each year of the panel (2001, 2021)`}},
		{"missing position", header + "a,A,,,1\nb,B,31,120,2\nc,C,31,121,3\n", Options{}, []string{`c.csv:2:5: row 1, lat: no position: give lat and lon in WGS84 degrees`}},
		{"lat without lon", header + "a,A,31,,1\nb,B,31,120,2\nc,C,31,121,3\n", Options{}, []string{`c.csv:2:5: row 1, lat: lat is given without lon`}},
		{"not UTF-8", header + "a,\xcb\xd5\xd6\xdd,31,120,1\n" + rows, Options{}, []string{`c.csv:2:3: the file is not UTF-8 but GBK (GB18030) Chinese text, as Excel saves CSV on a Chinese Windows; save it as CSV UTF-8, or convert it with iconv -f GB18030 -t UTF-8`}},
		// Columns count characters: 苏州 is two, not six bytes.
		{"column after CJK", header + "a,苏州,31.3,120.6,-1\nb,B,31,120,2\nc,C,31,121,3\n", Options{}, []string{`c.csv:2:17: row 1, score: the score is -1; scores must be >= 0`}},
		{"after a multi-line field", header + "a,\"Su\nzhou\",31.3,120.6,x\nb,B,31,120,2\nc,C,31,121,3\n", Options{}, []string{`c.csv:3:18: row 1, score: "x" is not a number`}},
		// A field on an earlier line does not shift a column of the line
		// the error is on (found by FuzzReadCSV: a column of -1).
		{"unclosed quote after CJK", header + "苏州,\"31\n0", Options{}, []string{`c.csv:3:2: row 1: the quoted field that starts on line 2 is not closed`}},
		{"validation located", header + "a,A,91,120.6,1\nb,B,31,120,2\na,C,31,121,3\n", Options{}, []string{
			`c.csv:2:5: row 1, lat: lat 91 is outside [-90, 90]`,
			`c.csv:4:1: row 3, id: id "a" is used twice (first by row 1 at line 2); ids must be unique`}},
		{"neighbour unknown", "id,lat,lon,score,neighbors\na,31,120,1,b;x\nb,31,121,2,a\nc,31,122,3,\n", Options{}, []string{`c.csv:2:12: row 1, neighbors: neighbour "x" is not the id of any city`}},
		{"every bad row", header + "a,A,31.3,120.6,1,9\nb,B,31,120,2\nc,C,31\nd,D,\"3\"1,121,3\n", Options{}, []string{
			"c.csv:2:1: row 1: has 6 fields; the header has 5 columns",
			"c.csv:4:1: row 3: has 3 fields; the header has 5 columns",
			"c.csv:5:7: row 4: a quoted field is not closed, or a quote in it is not doubled",
			"c.csv: the region has 1 city; the analysis needs at least 3",
			"4 problems"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := readWith(c.o, "c.csv", []byte(c.src))
			var problems Problems
			if !errors.As(err, &problems) {
				t.Fatalf("error %v (%T), want Problems", err, err)
			}
			for _, w := range c.want {
				if got := problems.Render(flags); !strings.Contains(got, w) {
					t.Errorf("error:\n%v\nwant it to contain:\n%s", got, w)
				}
			}
		})
	}
}

func TestLinksCSV(t *testing.T) {
	dir := t.TempDir()
	links := filepath.Join(dir, "links.csv")
	write := func(s string) {
		if err := os.WriteFile(links, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("source,target,weight,kind,year\n310100,320500,412,co-patents,2021\n320500,320200,,,2021\n")
	ds, err := readWith(withLinksFile(Options{}, links), "c.csv", []byte(citiesCSV))
	if err != nil {
		t.Fatal(err)
	}
	want := []Link{{"310100", "320500", 412, "co-patents"}, {"320500", "320200", 1, ""}}
	if !reflect.DeepEqual(ds.Links, want) || ds.Input.LinksFile != links || len(ds.Input.Ignored) != 0 || ds.Input.LinksYear != 2021 {
		t.Errorf("links %+v from %q, ignored %v, year %d", ds.Links, ds.Input.LinksFile, ds.Input.Ignored, ds.Input.LinksYear)
	}

	write("sorce,target,weight\n310100,320500,1\n") // from is read as source (columns.go); a typo is not
	_, err = readWith(withLinksFile(Options{}, links), "c.csv", []byte(citiesCSV))
	if err == nil || !strings.Contains(err.Error(), links+`:1: header: no "source" column: a link joins a source and a target city, by id; "sorce" looks like it: map it with source sorce`) {
		t.Errorf("near-miss link column: %v", err)
	}

	// Problems of the links are located in the links file, after the
	// cities' own; duplicates name the other file.
	write("source,target,weight\n310100,999999,1\n310100,320500,-2\n320500,310100,1\n")
	_, err = readWith(withLinksFile(Options{}, links), "c.csv", []byte(strings.Replace(citiesCSV, "Shanghai,31.23", "Shanghai,91", 1)))
	got := err.Error()
	for _, w := range []string{
		"c.csv:2:26: row 1, lat: lat 91 is outside [-90, 90]",
		links + `:2:8: row 1, target: target "999999" is not the id of any city`,
		links + `:3:15: row 2, weight: the weight is -2; weights must be >= 0`,
		links + `:4:1: row 3: duplicates row 2 at line 3 (320500 - 310100)`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("error:\n%s\nwant it to contain:\n%s", got, w)
		}
	}
	if strings.Index(got, "c.csv:") > strings.Index(got, links) {
		t.Errorf("the links file's problems come before the cities':\n%s", got)
	}
}

func TestOptionErrors(t *testing.T) {
	for _, c := range []struct {
		o    Options
		want string
	}{
		{Options{Score: "patents"}, "score patents: collab's JSON format names its own fields"},
		{Options{Links: strings.NewReader(""), LinksName: "links.json"}, "links links.json: give links as a CSV file"},
	} {
		_, err := readWith(c.o, SampleName, Sample())
		var oe *OptionError
		if !errors.As(err, &oe) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want an OptionError %q", c.o, err, c.want)
		}
	}
}

// TestFormatSniffing: without a telling extension (or on standard input)
// the first character decides between JSON and CSV.
func TestFormatSniffing(t *testing.T) {
	for name, src := range map[string]string{"data": citiesCSV, "-": "\ufeff" + citiesCSV} {
		if ds, err := readBytes(name, []byte(src)); err != nil || ds.Input.Format != "CSV" {
			t.Errorf("%s: %v", name, err)
		}
	}
	if ds, err := readBytes("-", Sample()); err != nil || ds.Input.Format != "JSON" {
		t.Errorf("sample on stdin: %v", err)
	}
}

// bigCSV writes n cities on a grid with two panel years and four
// neighbours each.
func bigCSV(t testing.TB, n int) string {
	path := filepath.Join(t.TempDir(), "big.csv")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	fmt.Fprintln(f, "id,name,province,lat,lon,population,score_2001,score_2021,neighbors")
	for i := range n {
		fmt.Fprintf(f, "c%d,City %d,P%d,%.4f,%.4f,%d,%.3f,%.3f,c%d;c%d;c%d;c%d\n", i, i, i%30,
			20+float64(i/1000)*0.01, 100+float64(i%1000)*0.01, 100000+i, float64(i%97)/3, float64(i%89)*2,
			(i+1)%n, (i+n-1)%n, (i+1000)%n, (i+n-1000)%n)
	}
	return path
}

// liveHeap loads path and returns the heap the dataset keeps (after a
// collection) and the bytes allocated while loading.
func liveHeap(t testing.TB, path string) (live, allocated uint64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	ds, err := loadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(ds)
	return after.HeapAlloc - before.HeapAlloc, after.TotalAlloc - before.TotalAlloc
}

// TestCSVMemoryIsProportional: a CSV file is read row by row, so the heap
// it leaves grows with the cities, in proportion to the file, and loading
// allocates a bounded multiple of the file (docs/PERFORMANCE.md has the
// 200,000-city figures).
func TestCSVMemoryIsProportional(t *testing.T) {
	var perByte [2]float64
	for k, n := range []int{10000, 40000} {
		path := bigCSV(t, n)
		info, _ := os.Stat(path)
		live, allocated := liveHeap(t, path)
		perByte[k] = float64(live) / float64(info.Size())
		t.Logf("%d cities: file %.1f MB, heap kept %.1f MB, allocated %.1f MB", n, float64(info.Size())/1e6, float64(live)/1e6, float64(allocated)/1e6)
		// Allocation counts run about a third higher under the race
		// detector (12.9 MB against 9.6 MB at 10,000 cities), hence 18x.
		if perByte[k] > 6 || float64(allocated) > 18*float64(info.Size()) {
			t.Errorf("%d cities: %.1f bytes of heap per byte of file, %d bytes allocated for %d", n, perByte[k], allocated, info.Size())
		}
	}
	if perByte[1] > 1.5*perByte[0] {
		t.Errorf("heap per byte of file grows with the file: %.2f at 10,000 cities, %.2f at 40,000", perByte[0], perByte[1])
	}
}

// BenchmarkLoadCSV200k loads 200,000 cities from CSV.
func BenchmarkLoadCSV200k(b *testing.B) {
	path := bigCSV(b, 200000)
	info, _ := os.Stat(path)
	b.SetBytes(info.Size())
	b.ResetTimer()
	for b.Loop() {
		if _, err := loadFile(path); err != nil {
			b.Fatal(err)
		}
	}
}
