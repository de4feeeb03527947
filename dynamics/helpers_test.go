package dynamics

import (
	"encoding/json"
	"math"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
)

func checkCounts(t *testing.T, name string, got, want [][]int) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d rows, want %d", name, len(got), len(want))
	}
	for i := range want {
		for j := range want[i] {
			if got[i][j] != want[i][j] {
				t.Errorf("%s[%d][%d] = %d, want %d", name, i, j, got[i][j], want[i][j])
			}
		}
	}
}

func checkVector(t *testing.T, name string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d values %v, want %d %v", name, len(got), got, len(want), want)
	}
	for i := range want {
		if math.Abs(got[i]-want[i]) > tol {
			t.Errorf("%s[%d] = %.15g, want %.15g (tolerance %g)", name, i, got[i], want[i], tol)
		}
	}
}

func checkMatrix(t *testing.T, name string, got, want [][]float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d rows, want %d", name, len(got), len(want))
	}
	for i := range want {
		checkVector(t, name+"["+strconv.Itoa(i)+"]", got[i], want[i], tol)
	}
}

// checkMatrixRel compares within tol times max(1, |want|).
func checkMatrixRel(t *testing.T, name string, got, want [][]float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d rows, want %d", name, len(got), len(want))
	}
	for i := range want {
		for j := range want[i] {
			if math.Abs(got[i][j]-want[i][j]) > tol*max(1, math.Abs(want[i][j])) {
				t.Errorf("%s[%d][%d] = %.15g, want %.15g (relative tolerance %g)", name, i, j, got[i][j], want[i][j], tol)
			}
		}
	}
}

// liveReference is what testdata/reference.py printed, run once per test
// binary by the first test that asks.
type liveReference struct {
	Quantiles struct {
		PerYear5 [][]float64 `json:"per_year_5"`
		Pooled5  []float64   `json:"pooled_5"`
		PerYear3 [][]float64 `json:"per_year_3"`
		Ties4    []float64   `json:"ties_4"`
	} `json:"quantiles"`
	LISA struct {
		Transitions [][]float64 `json:"transitions"`
		Intended    struct {
			Expected [][]float64 `json:"expected"`
			Chi2     float64     `json:"chi2"`
			P        float64     `json:"p"`
		} `json:"intended"`
		GiddyAxes struct {
			Expected [][]float64 `json:"expected"`
			Chi2     float64     `json:"chi2"`
		} `json:"giddy_axes"`
	} `json:"lisa"`
	SpatialQuantile struct {
		Counts [][][]float64 `json:"counts"`
		Q      float64       `json:"q"`
		LR     float64       `json:"lr"`
		DOF    int           `json:"dof"`
		QP     float64       `json:"q_p"`
		LRP    float64       `json:"lr_p"`
	} `json:"spatial_quantile"`
	KDE struct {
		Bandwidth float64   `json:"bandwidth"`
		Grid      []float64 `json:"grid"`
		Density   []float64 `json:"density"`
	} `json:"kde"`
}

var (
	referenceOnce sync.Once
	reference     *liveReference
	referenceErr  string
)

// pythonReference runs testdata/reference.py with Debian's /usr/bin/python3
// (first: a python3 earlier on PATH may lack Debian's packages) or python3,
// or skips the test naming the packages to install.
func pythonReference(t *testing.T) *liveReference {
	t.Helper()
	referenceOnce.Do(func() {
		var msgs []string
		for _, python := range []string{"/usr/bin/python3", "python3"} {
			out, err := exec.Command(python, "testdata/reference.py").Output()
			if err != nil {
				msgs = append(msgs, python+": "+err.Error())
				continue
			}
			var r liveReference
			if err := json.Unmarshal(out, &r); err != nil {
				msgs = append(msgs, python+": "+err.Error())
				continue
			}
			reference = &r
			return
		}
		referenceErr = strings.Join(msgs, "; ")
	})
	if reference == nil {
		t.Skipf("testdata/reference.py did not run (%s; Debian: python3-numpy python3-scipy): skipping the live comparison; the stored reference values were checked above", referenceErr)
	}
	return reference
}
