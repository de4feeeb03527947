package main

import (
	"collab/analysis"
	"encoding/json"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestGoldenQAP pins collab qap's table and JSON on testdata/qap-cities.json
// (24 seeded synthetic cities; go test -update rewrites the files).
func TestGoldenQAP(t *testing.T) {
	for _, c := range []struct {
		name string
		args []string
	}{
		{"qap-mrqap", []string{"qap", "testdata/qap-cities.json", "--y", "links:copatent", "--x", "distance,same_province,score_gap"}},
		{"qap-correlation-json", []string{"qap", "testdata/qap-cities.json", "--y", "links:copatent", "--x", "links:investment", "--qap-permutations", "500", "--seed", "7", "--format", "json"}},
		{"qap-file", []string{"qap", "testdata/qap-cities.json", "--y", "links:copatent", "--x", "gravity,file:testdata/qap-trade.csv", "--qap-permutations", "200"}},
	} {
		t.Run(c.name, func(t *testing.T) { golden(t, c.name, 0, c.args...) })
	}
}

// TestQAPMatchesNetlm checks collab qap's MRQAP coefficients, R² and QAP
// correlation against R sna's netlm and gcor on the same matrices, to 1e-9
// (rerun when Rscript with sna is present; the values pinned from
// R 4.2.2 and sna 2.7.1, by
//
//	Rscript testdata/qap_netlm.R DIR
//
// where DIR holds the matrices as collab qap writes them here).
func TestQAPMatchesNetlm(t *testing.T) {
	stdout, stderr, code := invoke(t, "", "qap", "testdata/qap-cities.json", "--y", "links:copatent", "--x", "distance,same_province,score_gap", "--qap-permutations", "1", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res qapResult
	if err := json.Unmarshal([]byte(stdout), &res); err != nil {
		t.Fatal(err)
	}
	want := qapNetlmPinned
	if live, err := runNetlm(t); err != nil {
		t.Log(err)
	} else {
		want = live
	}
	got := []float64{res.MRQAP.RSquared}
	for _, term := range res.MRQAP.Terms {
		got = append(got, term.Coefficient)
	}
	for k := range want {
		if math.Abs(got[k]-want[k]) > 1e-9*max(1, math.Abs(want[k])) {
			t.Errorf("value %d (R², then coefficients): collab %.15g, netlm %.15g", k, got[k], want[k])
		}
	}
}

// qapNetlmPinned are R², then the intercept's and the three predictors'
// coefficients of netlm on the qap-mrqap case.
var qapNetlmPinned = []float64{0.12838788658341937, 0.386244543594349, -0.0007850434056353586, 0.5062240825937526, 0.0011208316750488893}

// runNetlm writes the case's matrices with collab's own builders and runs
// testdata/qap_netlm.R on them.
func runNetlm(t *testing.T) ([]float64, error) {
	if _, err := exec.LookPath("Rscript"); err != nil {
		return nil, err
	}
	dir := t.TempDir()
	ds, _, err := (&environment{stderr: io.Discard}).load("testdata/qap-cities.json", input{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"links:copatent", "distance", "same_province", "score_gap"} {
		m, err := analysis.DyadicMatrix(ds, 0, name, analysis.DefaultNetworkParameters().Beta, "x")
		if err != nil {
			t.Fatal(err)
		}
		var sb strings.Builder
		for i := range m.Nodes() {
			for j := range m.Nodes() {
				if j > 0 {
					sb.WriteByte(' ')
				}
				sb.WriteString(strconv.FormatFloat(m.At(i, j), 'g', -1, 64))
			}
			sb.WriteByte('\n')
		}
		if err := os.WriteFile(filepath.Join(dir, strings.ReplaceAll(name, ":", "_")+".txt"), []byte(sb.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := exec.Command("Rscript", "testdata/qap_netlm.R", dir).CombinedOutput()
	if err != nil {
		return nil, err
	}
	var v []float64
	for _, f := range strings.Fields(string(out)) {
		x, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return nil, err
		}
		v = append(v, x)
	}
	t.Logf("netlm: %v", v)
	return v, nil
}
