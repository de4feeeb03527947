package composite

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// syntheticPanel is a deterministic panel of n cities over the years
// 2011..2011+years-1 with eight indicators: four of innovation (rd,
// patents, firms, grads) and four of the economy (gdp, invest, energy and
// unemployment, the last two less-is-better). A city's size is lognormal,
// indicators grow with it and over the years, with independent noise so
// that no two are perfectly correlated.
func syntheticPanel(n, years int) *Table {
	rng := rand.New(rand.NewPCG(20, 2011))
	cities := make([]string, n)
	for i := range cities {
		cities[i] = fmt.Sprintf("C%03d", i)
	}
	ys := make([]int, years)
	for p := range ys {
		ys[p] = 2011 + p
	}
	cols := []string{"rd", "patents", "firms", "grads", "gdp", "invest", "energy", "unemp"}
	t := NewTable(cities, ys, cols)
	size := make([]float64, n)
	for i := range size {
		size[i] = math.Exp(rng.NormFloat64())
	}
	growth := []float64{0.12, 0.15, 0.08, 0.05, 0.07, 0.09, -0.04, -0.01}
	elastic := []float64{1.2, 1.4, 1.0, 0.8, 1.0, 0.9, -0.3, -0.1}
	for p := range ys {
		for j := range cols {
			for i := range cities {
				level := math.Pow(size[i], elastic[j]) * math.Exp(growth[j]*float64(p)+0.3*rng.NormFloat64())
				t.Values[p][j][i] = 10 * level
			}
		}
	}
	return t
}

var panelIndicators = IndicatorList{
	{Name: "rd"}, {Name: "patents"}, {Name: "firms"}, {Name: "grads"},
	{Name: "gdp"}, {Name: "invest"}, {Name: "energy", LessIsBetter: true}, {Name: "unemp", LessIsBetter: true},
}

const panelSubsystems = "innovation:rd,patents,firms,grads;economy:gdp,invest,-energy,-unemp"

// writePanelCSV writes the table as year,city,<columns>, each number in
// the shortest form that reads back exactly.
func writePanelCSV(t *testing.T, tab *Table) string {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("year,city")
	for _, c := range tab.Columns {
		b.WriteString("," + c)
	}
	b.WriteByte('\n')
	for p, y := range tab.Years {
		for i, c := range tab.Cities {
			fmt.Fprintf(&b, "%d,%s", y, c)
			for j := range tab.Columns {
				b.WriteString("," + strconv.FormatFloat(tab.Values[p][j][i], 'g', -1, 64))
			}
			b.WriteByte('\n')
		}
	}
	path := filepath.Join(t.TempDir(), "panel.csv")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

type numpyRef struct {
	EntropyWeights [][]float64   `json:"entropy_weights"`
	CriticWeights  [][]float64   `json:"critic_weights"`
	EntropyIndex   [][]float64   `json:"entropy_index"`
	CriticIndex    [][]float64   `json:"critic_index"`
	TOPSIS         [][]float64   `json:"topsis"`
	U              [][][]float64 `json:"U"`
	C, T, D        [][]float64
}

// panelCases are the configurations compared with numpy, with reference
// values kept from a run of
//
//	python3 composite/testdata/composite_ref.py panel.csv \
//	  rd,patents,firms,grads,gdp,invest,-energy,-unemp \
//	  'innovation:rd,patents,firms,grads;economy:gdp,invest,-energy,-unemp' SHIFT MODE
//
// (Debian python3-numpy 1.24.2) on the CSV written by writePanelCSV, so
// that part of the comparison runs without python3: the first group's
// entropy and CRITIC weights and, for the first and last city in the first
// and last year, the entropy index, the TOPSIS closeness and D.
var panelCases = []struct {
	name    string
	shift   float64
	perYear bool
	// Kept numpy values.
	entropyW, criticW []float64
	corners           [4][3]float64 // (first year, first city), (first, last), (last, first), (last, last): index, closeness, D
}{
	{
		name: "pooled", shift: 0, perYear: false,
		entropyW: []float64{0.20677241437582075, 0.27016389854825656, 0.14333900005231345, 0.1009906881244634, 0.1424242480721089, 0.12845579275618338, 0.004647151374157473, 0.0032068066966960537},
		criticW:  []float64{0.056997322877031, 0.050925987822250766, 0.08322570701153834, 0.07896082876155207, 0.06536802152948908, 0.08331289735579675, 0.2833021507491503, 0.29790708389319176},
		corners: [4][3]float64{
			{4.3980022832735735, 0.0396344737714371, 0.21865038165123082},
			{2.558800446603091, 0.023140231496810673, 0.16888691581906315},
			{9.55485795736212, 0.09177982196873714, 0.32393700400084463},
			{5.80721030601669, 0.052296523067029914, 0.25359925746494405},
		},
	},
	{
		name: "per-year+shift", shift: 0.01, perYear: true,
		entropyW: []float64{0.17745086915461747, 0.23627937314414688, 0.14779891897451847, 0.11803724165624865, 0.15735390180459272, 0.13435734234592817, 0.011634318608429174, 0.01708803431151848},
		criticW:  []float64{0.05271615550175199, 0.06537378988885018, 0.055853099954559, 0.05987610063231374, 0.08970422148167866, 0.07829792484811589, 0.24343557124162357, 0.354743136451107},
		corners: [4][3]float64{
			{12.020158075133105, 0.09624421242675636, 0.35839676022233263},
			{7.400598637784403, 0.05762812692101286, 0.2803567308478799},
			{12.995646217663479, 0.11600622987150548, 0.3753813529566188},
			{8.797391067611745, 0.07286506184631865, 0.30959187570433827},
		},
	},
}

// TestMatchesNumpy compares the entropy and CRITIC weights, both indices,
// the TOPSIS closeness, the subsystem indices and C, T, D with the numpy
// implementation in testdata/composite_ref.py on a 300-city, 8-indicator,
// 10-year panel, to 1e-12 relative (|go - numpy| <= 1e-12 max(1, |numpy|)).
func TestMatchesNumpy(t *testing.T) {
	tab := syntheticPanel(300, 10)
	python := findPython("numpy")
	for _, tc := range panelCases {
		t.Run(tc.name, func(t *testing.T) {
			opt := Options{Shift: tc.shift, PerYear: tc.perYear}
			ent, top, cri, cp := panelResults(t, tab, opt)
			if tc.entropyW != nil {
				checkAll(t, "kept entropy w", ent.Weights[0].Weight, tc.entropyW, 1e-12)
				checkAll(t, "kept CRITIC w", cri.Weights[0].Weight, tc.criticW, 1e-12)
				checkCorners(t, tc.corners, ent, top, cp)
			}
			if python == "" {
				t.Skip("no python3 with numpy (Debian: python3-numpy): skipping the rerun of testdata/composite_ref.py; the kept values were compared")
			}
			ref := runNumpy(t, python, tab, tc.shift, tc.perYear)
			if len(ref.EntropyWeights) != len(ent.Weights) {
				t.Fatalf("%d weight groups, numpy %d", len(ent.Weights), len(ref.EntropyWeights))
			}
			for g := range ref.EntropyWeights {
				checkAll(t, fmt.Sprintf("entropy w group %d", g), ent.Weights[g].Weight, ref.EntropyWeights[g], 1e-12)
				checkAll(t, fmt.Sprintf("CRITIC w group %d", g), cri.Weights[g].Weight, ref.CriticWeights[g], 1e-12)
			}
			for p := range tab.Years {
				checkAll(t, fmt.Sprintf("entropy index %d", p), ent.Scores[p], ref.EntropyIndex[p], 1e-12)
				checkAll(t, fmt.Sprintf("CRITIC index %d", p), cri.Scores[p], ref.CriticIndex[p], 1e-12)
				checkAll(t, fmt.Sprintf("TOPSIS %d", p), top.Scores[p], ref.TOPSIS[p], 1e-12)
				for k := range cp.Indices {
					checkAll(t, fmt.Sprintf("U_%d year %d", k, p), cp.Indices[k].Scores[p], ref.U[k][p], 1e-12)
				}
				c, tt, d := degreeColumns(cp.Degree[p])
				checkAll(t, fmt.Sprintf("C %d", p), c, ref.C[p], 1e-12)
				checkAll(t, fmt.Sprintf("T %d", p), tt, ref.T[p], 1e-12)
				checkAll(t, fmt.Sprintf("D %d", p), d, ref.D[p], 1e-12)
			}
			if t.Failed() || tc.entropyW != nil {
				return
			}
			// Print the values to keep, for a case that has none yet.
			t.Logf("entropyW: %#v\ncriticW: %#v", ref.EntropyWeights[0], ref.CriticWeights[0])
			last, n := len(tab.Years)-1, len(tab.Cities)-1
			for _, pi := range [][2]int{{0, 0}, {0, n}, {last, 0}, {last, n}} {
				p, i := pi[0], pi[1]
				t.Logf("{%v, %v, %v},", ref.EntropyIndex[p][i], ref.TOPSIS[p][i], ref.D[p][i])
			}
		})
	}
}

func panelResults(t *testing.T, tab *Table, opt Options) (ent, top, cri *Result, cp *Coupling) {
	t.Helper()
	ctx := context.Background()
	var err error
	if ent, err = Score(ctx, tab, panelIndicators, opt); err != nil {
		t.Fatal(err)
	}
	topOpt := opt
	topOpt.Method = TOPSIS
	if top, err = Score(ctx, tab, panelIndicators, topOpt); err != nil {
		t.Fatal(err)
	}
	criOpt := opt
	criOpt.Method = CRITIC
	if cri, err = Score(ctx, tab, panelIndicators, criOpt); err != nil {
		t.Fatal(err)
	}
	var subs Subsystems
	if err := subs.UnmarshalText([]byte(panelSubsystems)); err != nil {
		t.Fatal(err)
	}
	if cp, err = Coordinate(ctx, tab, subs, nil, opt); err != nil {
		t.Fatal(err)
	}
	return ent, top, cri, cp
}

func checkCorners(t *testing.T, want [4][3]float64, ent, top *Result, cp *Coupling) {
	t.Helper()
	last, n := len(ent.Scores)-1, len(ent.Cities)-1
	for k, pi := range [][2]int{{0, 0}, {0, n}, {last, 0}, {last, n}} {
		p, i := pi[0], pi[1]
		got := []float64{ent.Scores[p][i], top.Scores[p][i], cp.Degree[p][i].D}
		checkAll(t, fmt.Sprintf("kept corner %d (index, closeness, D)", k), got, want[k][:], 1e-12)
	}
}

func degreeColumns(row []Coordination) (c, t, d []float64) {
	for _, x := range row {
		c, t, d = append(c, x.C), append(t, x.T), append(d, x.D)
	}
	return c, t, d
}

func runNumpy(t *testing.T, python string, tab *Table, shift float64, perYear bool) numpyRef {
	t.Helper()
	mode := "POOLED"
	if perYear {
		mode = "PERYEAR"
	}
	cmd := exec.Command(python, filepath.Join("testdata", "composite_ref.py"), writePanelCSV(t, tab),
		panelIndicators.String(), panelSubsystems, strconv.FormatFloat(shift, 'g', -1, 64), mode)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("composite_ref.py: %v\n%s", err, stderr.String())
	}
	var ref numpyRef
	if err := json.Unmarshal(out, &ref); err != nil {
		t.Fatalf("composite_ref.py output: %v", err)
	}
	return ref
}

// findPython returns a Python that runs "import "+module (Debian's /usr/bin/python3
// first: a python3 earlier on PATH may lack Debian's packages), or "".
func findPython(module string) string {
	for _, python := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(python, "-c", "import "+module).Run() == nil {
			return python
		}
	}
	return ""
}
