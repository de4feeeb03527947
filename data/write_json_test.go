package data

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"strconv"
	"testing"
)

// scoredPanel is a dataset shaped like collab index's output: n cities
// with m variables and a score over the given years (0: a cross-section),
// values drawn with a fixed seed at every magnitude JSON numbers take
// (tiny, huge, negative, integral), and names, ids and neighbours holding
// every character class encoding/json treats apart.
func scoredPanel(n, m, years int) *Dataset {
	rng := rand.New(rand.NewPCG(20, uint64(n)))
	value := func() float64 {
		switch rng.IntN(8) {
		case 0:
			return float64(rng.IntN(1000))
		case 1:
			return rng.NormFloat64() * 1e-9
		case 2:
			return rng.NormFloat64() * 1e22
		case 3:
			return math.Copysign(0, -1)
		}
		return rng.Float64() * 100
	}
	names := []string{"", "plain", "A&B", `Q"uote\ <b>&amp;`, "new\nline\ttab\r\b\f\x01\x1f", "\u2028\u2029 \u202e", "苏州 Suzhou", "bad \xff\xfe utf-8", "é\x7f"}
	ds := &Dataset{Name: "Panel <" + names[2] + ">", Description: names[3], ScoreLabel: names[4], Notes: []string{"a & b", names[6]}}
	for y := range years {
		ds.Years = append(ds.Years, 2001+y)
	}
	periods := max(years, 1)
	for j := range m {
		ds.VariableNames = append(ds.VariableNames, fmt.Sprintf("x%d%s", j, names[j%len(names)]))
	}
	for i := range n {
		c := City{ID: fmt.Sprintf("c%06d%s", i, names[i%3]), Name: names[i%len(names)], NameLocal: names[(i+1)%len(names)], Province: names[(i+2)%len(names)],
			Lat: value(), Lon: value(), Scores: make([]float64, periods), Variables: map[string][]float64{}}
		if i%4 != 0 {
			c.Population, c.GDP = value(), value()
		}
		if i%5 == 1 {
			c.Neighbors = []string{"c000000", names[i%len(names)]}
		} else if i%5 == 2 {
			c.Neighbors = []string{}
		}
		for p := range c.Scores {
			c.Scores[p] = value()
		}
		for _, name := range ds.VariableNames {
			v := make([]float64, periods)
			for p := range v {
				v[p] = value()
			}
			c.Variables[name] = v
		}
		if i == 3 {
			c.Name = c.ID // written without a name, as Read fills it in
		}
		ds.Cities = append(ds.Cities, c)
	}
	ds.Links = []Link{{Source: "a<", Target: "b\u2028", Weight: 1e-7, Kind: "k&"}, {Source: "c", Target: "d", Weight: 3}}
	return ds
}

// TestWriteJSONBytes checks that WriteJSON writes, byte for byte, what
// it wrote when every city went through encoding/json
// (referenceWriteJSON, write_reference_test.go): panels and
// cross-sections, with and without variables, from 0 cities to more than
// a few blocks of the parallel formatting, on 1 and 4 processors, with
// hostile names (quotes, backslashes, <, >, &, controls, U+2028, invalid
// UTF-8) and numbers at every magnitude (tiny, huge, -0).
func TestWriteJSONBytes(t *testing.T) {
	for _, c := range []struct{ n, m, years int }{{0, 0, 0}, {1, 0, 0}, {3, 2, 0}, {9, 3, 4}, {700, 4, 3}, {jsonBlock*3 + 17, 2, 2}} {
		ds := scoredPanel(c.n, c.m, c.years)
		var want bytes.Buffer
		if err := referenceWriteJSON(&want, ds); err != nil {
			t.Fatal(err)
		}
		for _, procs := range []int{1, 4} {
			old := runtime.GOMAXPROCS(procs)
			var got bytes.Buffer
			err := WriteJSON(&got, ds)
			runtime.GOMAXPROCS(old)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				k := 0
				for k < min(got.Len(), want.Len()) && got.Bytes()[k] == want.Bytes()[k] {
					k++
				}
				t.Errorf("%d cities, %d variables, %d years, %d procs: differs at byte %d: %.80q, want %.80q",
					c.n, c.m, c.years, procs, k, got.Bytes()[k:], want.Bytes()[k:])
			}
		}
	}
}

// TestWriteJSONUnsupported checks that a NaN or an infinity among the
// fields encoding/json writes is refused as encoding/json refuses it.
func TestWriteJSONUnsupported(t *testing.T) {
	for _, bad := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		ds := scoredPanel(2, 0, 0)
		ds.Cities[1].GDP = bad
		var want, got bytes.Buffer
		wantErr, gotErr := referenceWriteJSON(&want, ds), WriteJSON(&got, ds)
		if gotErr == nil || wantErr == nil || gotErr.Error() != wantErr.Error() {
			t.Errorf("gdp %v: error %v, encoding/json's %v", bad, gotErr, wantErr)
		}
	}
}

// TestJSONFloat compares jsonFloat with encoding/json's float encoding at
// the edges of its two forms.
func TestJSONFloat(t *testing.T) {
	for _, x := range []float64{0, math.Copysign(0, -1), 1, -1, 1e-6, 9.999999999999999e-7, 1e-7, 1e20, 1e21, 1e21 * (1 - 1e-16), 123456789e-20, -5e-324, math.MaxFloat64, 0.1, 100, 1.5e300} {
		want, _ := referenceFloat(x)
		if got, err := jsonFloat(nil, x); err != nil || string(got) != want {
			t.Errorf("jsonFloat(%v) = %s (%v), encoding/json %s", x, got, err, want)
		}
	}
}

// BenchmarkWriteJSON writes what collab index writes for 20,000 cities x
// 10 indicators x 20 years (about 70 MB).
func BenchmarkWriteJSON(b *testing.B) {
	ds := scoredPanel(20000, 10, 20)
	for _, w := range []struct {
		name  string
		write func(*bytes.Buffer, *Dataset) error
	}{{"WriteJSON", func(buf *bytes.Buffer, ds *Dataset) error { return WriteJSON(buf, ds) }},
		{"reference", func(buf *bytes.Buffer, ds *Dataset) error { return referenceWriteJSON(buf, ds) }}} {
		b.Run(w.name, func(b *testing.B) {
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := w.write(&buf, ds); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}

// referenceFloat is encoding/json's text of x.
func referenceFloat(x float64) (string, error) {
	var b bytes.Buffer
	err := referenceWriteJSON(&b, &Dataset{Cities: []City{{ID: "a", Lat: x}}})
	s := b.String()
	const pre = `{"id":"a","lat":`
	i := bytes.Index([]byte(s), []byte(pre))
	if err != nil || i < 0 {
		return "", err
	}
	s = s[i+len(pre):]
	j := bytes.IndexByte([]byte(s), ',')
	v := s[:j]
	if _, err := strconv.ParseFloat(v, 64); err != nil {
		return "", err
	}
	return v, nil
}
