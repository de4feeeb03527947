package output

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"collab/analysis"
)

// usIncomeStudy runs the study, without the network and the spatial
// statistics, on PySAL's US state incomes (../dynamics/testdata/
// usjoin.csv: 48 states, 81 years 1929-2009), the states placed on a
// made-up grid. It returns the result and each year's mean income
// computed here from the file.
func usIncomeStudy(t *testing.T) (*analysis.Result, []float64) {
	t.Helper()
	f, err := os.Open("../dynamics/testdata/usjoin.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	means := make([]float64, len(rows[0])-2)
	var cities []map[string]any
	for i, row := range rows[1:] {
		scores := map[string]float64{}
		for k, v := range row[2:] {
			x, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatal(err)
			}
			scores[rows[0][2+k]] = x
			means[k] += x / float64(len(rows)-1)
		}
		cities = append(cities, map[string]any{"id": strconv.Itoa(i), "name": row[0], "lat": 30 + float64(i/8), "lon": -120 + float64(i%8)*3, "scores": scores})
	}
	src, err := json.Marshal(map[string]any{"name": "US state incomes", "cities": cities})
	if err != nil {
		t.Fatal(err)
	}
	ds, err := readData("usjoin.json", src)
	if err != nil {
		t.Fatal(err)
	}
	p := analysis.DefaultParameters()
	p.Skip = []analysis.Stage{"network", "spatial"}
	r, err := analysis.Run(context.Background(), ds, p)
	if err != nil {
		t.Fatal(err)
	}
	return r, means
}

// trendTableYears are the years of the Markdown report's trend table,
// with the section's text.
func trendTableYears(t *testing.T, r *analysis.Result, o Options) ([]int, string) {
	t.Helper()
	var b bytes.Buffer
	if err := Markdown(&b, r, o); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	i := strings.Index(text, "\n## Trend ")
	if i < 0 {
		t.Fatal("no trend section")
	}
	text = text[i+1:]
	if j := strings.Index(text[3:], "\n## "); j >= 0 {
		text = text[:j+3]
	}
	var years []int
	for _, m := range regexp.MustCompile(`(?m)^\| (\d{4}) \|`).FindAllStringSubmatch(text, -1) {
		y, _ := strconv.Atoi(m[1])
		years = append(years, y)
	}
	return years, text
}

// TestTrendTableShortensWithChart checks the trend table of the 81-year
// US panel: whole (81 rows) without a chart; with one, the first year,
// every tenth from it and the last (1929, 1939, ..., 2009: 9 rows) and a
// sentence naming the chart; each row's mean is the mean computed here
// from usjoin.csv (to 5 significant digits, as printed). A panel of 20
// years is printed whole even with a chart.
func TestTrendTableShortensWithChart(t *testing.T) {
	r, means := usIncomeStudy(t)
	all, _ := trendTableYears(t, r, Options{})
	if len(all) != 81 || all[0] != 1929 || all[80] != 2009 {
		t.Fatalf("without a chart: %d rows (%v ... ), want the 81 years 1929-2009", len(all), all[:min(3, len(all))])
	}
	short, text := trendTableYears(t, r, Options{TrendChart: "trend.svg"})
	want := []int{1929, 1939, 1949, 1959, 1969, 1979, 1989, 1999, 2009}
	if fmt.Sprint(short) != fmt.Sprint(want) {
		t.Errorf("with a chart: years %v, want %v", short, want)
	}
	note := "The table shows the first and the last year and every tenth year from the first; the chart trend.svg draws all 81 years."
	if !strings.Contains(text, "|\n\n"+note) { // a paragraph of its own, not a row of the table
		t.Errorf("the section does not say the chart draws every year:\n%s", text)
	}
	for _, y := range want {
		k := y - 1929
		row := regexp.MustCompile(`(?m)^\| ` + strconv.Itoa(y) + ` \| ([^|]+) \|`).FindStringSubmatch(text)
		if row == nil {
			continue // reported above
		}
		got, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(row[1]), ",", ""), 64)
		if err != nil || !closeTo(got, means[k], 5e-5) {
			t.Errorf("%d: mean %q, usjoin.csv's mean %.6g", y, row[1], means[k])
		}
	}

	r.Trend.Series = r.Trend.Series[:20]
	if twenty, text := trendTableYears(t, r, Options{TrendChart: "trend.svg"}); len(twenty) != 20 || strings.Contains(text, "every tenth year") {
		t.Errorf("20 years with a chart: %d rows, want all 20 and no note", len(twenty))
	}
}

// closeTo reports whether got is within rel (relative) of want.
func closeTo(got, want, rel float64) bool {
	d := got - want
	if d < 0 {
		d = -d
	}
	return d <= rel*max(want, -want)
}

// TestTrendRows checks the rows kept for a few lengths.
func TestTrendRows(t *testing.T) {
	for _, c := range []struct {
		years int
		chart bool
		want  string
	}{
		{81, false, fmt.Sprint(seq(81))},
		{81, true, "[0 10 20 30 40 50 60 70 80]"},
		{25, true, "[0 10 20 24]"},
		{21, true, "[0 10 20]"},
		{20, true, fmt.Sprint(seq(20))},
		{2, true, "[0 1]"},
	} {
		if got := fmt.Sprint(trendRows(c.years, c.chart)); got != c.want {
			t.Errorf("trendRows(%d, %v) = %s, want %s", c.years, c.chart, got, c.want)
		}
	}
}

func seq(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}
