package dynamics

import (
	"encoding/json"
	"math"
	"os/exec"
	"strconv"
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

// pythonWith returns a Python that imports module (Debian's /usr/bin/python3
// first: a python3 earlier on PATH may lack Debian's packages), or skips
// the test naming the packages to install.
func pythonWith(t *testing.T, module, debianPackages string) string {
	t.Helper()
	for _, python := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(python, "-c", "import numpy, "+module).Run() == nil {
			return python
		}
	}
	t.Skipf("no python3 with numpy and %s (Debian: %s): skipping the live comparison; the stored reference values were checked above", module, debianPackages)
	return ""
}

// runReference runs testdata/reference.py part and decodes its JSON.
func runReference(t *testing.T, python, part string, v any) {
	t.Helper()
	out, err := exec.Command(python, "testdata/reference.py", part).Output()
	if err != nil {
		t.Fatalf("%s testdata/reference.py %s: %v", python, part, err)
	}
	if err := json.Unmarshal(out, v); err != nil {
		t.Fatalf("reference.py %s: %v", part, err)
	}
}
