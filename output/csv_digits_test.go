package output

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
)

// TestCSVDigits: every number of cities.csv is the results' value with at
// most CSVDigits significant digits, within half a unit of the tenth
// digit; Shanghai's spatial lag, the mean of its neighbours' 2021 scores
// (Suzhou 572.29, Nantong 128.96, Jiaxing 114.48: 815.73 / 3 = 271.91 by
// hand), which float64 carries as 271.90999999999997, is written 271.91.
func TestCSVDigits(t *testing.T) {
	res := sampleStudy(t)
	text := write(t, func(w io.Writer) error { return CitiesCSV(w, res) })
	rows, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	_, raw, err := records(res.Cities)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for i, row := range rows[1:] {
		for j, cellText := range row {
			var exact float64
			if v := string(raw[i][j]); v == "" || v == "null" || json.Unmarshal(raw[i][j], &exact) != nil {
				continue // not a number
			}
			got, err := strconv.ParseFloat(cellText, 64)
			if err != nil {
				t.Fatalf("row %d column %s: %q is not a number", i+1, rows[0][j], cellText)
			}
			if digits := strings.TrimLeft(strings.ReplaceAll(strings.Split(strings.TrimPrefix(cellText, "-"), "e")[0], ".", ""), "0"); len(digits) > CSVDigits {
				t.Errorf("row %d column %s: %q has %d significant digits", i+1, rows[0][j], cellText, len(digits))
			}
			if math.Abs(got-exact) > 5e-10*math.Abs(exact) {
				t.Errorf("row %d column %s: %q is not %v to %d digits", i+1, rows[0][j], cellText, exact, CSVDigits)
			}
			checked++
		}
	}
	if checked < 20*len(res.Cities) {
		t.Errorf("only %d numbers checked", checked)
	}
	if !strings.Contains(text, ",271.91,") || strings.Contains(text, "271.90999999999997") {
		t.Error("Shanghai's lag is not written 271.91")
	}
}
