package spatial

import (
	"context"
	"math"
	"os/exec"
	"strings"
	"testing"
)

// islandsR is the R script whose output the constants of
// TestIslandsCountInN are: Rscript -e "$(cat)" prints both lines.
const islandsR = `library(spdep)
y <- c(3, 7, 1, 9, 4, 6)
nb <- list(c(2L), c(1L, 3L), c(2L, 4L), c(3L, 5L), c(4L), 0L)
class(nb) <- "nb"
lw <- nb2listw(nb, style = "W", zero.policy = TRUE)
for (adj in c(FALSE, TRUE)) {
  m <- moran.test(y, lw, zero.policy = TRUE, adjust.n = adj, randomisation = TRUE, alternative = "greater")
  cat(sprintf("adjust.n=%s I=%.15g EI=%.15g VarI=%.15g z=%.15g\n", adj, m$estimate[1], m$estimate[2], m$estimate[3], m$statistic))
}`

// TestIslandsCountInN: an island (city 5, no neighbour) stays in the n of
// Moran's I and its moments, the convention of esda and of spdep's
// moran.test with adjust.n=FALSE, which the README states; spdep's default
// adjust.n=TRUE gives other values. A chain of five cities and an island,
// row-standardised; spdep 1.2-7 (R 4.2), constants from islandsR, checked
// to 1e-12 relative, and rerun when Rscript is present.
func TestIslandsCountInN(t *testing.T) {
	const (
		wantI, wantE, wantVar, wantZ = -1.02857142857143, -0.2, 0.186857142857143, -1.91679250066544
		adjustedI                    = -0.857142857142857 // adjust.n=TRUE: not collab's
	)
	w, err := Contiguity([][]int{{1}, {0, 2}, {1, 3}, {2, 4}, {3}, {}})
	if err != nil {
		t.Fatal(err)
	}
	m, err := GlobalMoran(context.Background(), []float64{3, 7, 1, 9, 4, 6}, w.Standardize(), Permutations{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"I", m.I, wantI}, {"E[I]", m.Expected, wantE}, {"Var[I] (randomisation)", m.VarRandom, wantVar}, {"z (randomisation)", m.ZRandom, wantZ}} {
		if math.Abs(c.got-c.want) > 1e-12*math.Abs(c.want) {
			t.Errorf("%s = %.15g, spdep adjust.n=FALSE %.15g", c.name, c.got, c.want)
		}
	}
	if math.Abs(m.I-adjustedI) < 1e-3 {
		t.Errorf("I = %v is spdep's adjust.n=TRUE value", m.I)
	}
	rscript, err := exec.LookPath("Rscript")
	if err != nil {
		t.Skip("Rscript not found (Debian r-cran-spdep): the constants are not recomputed")
	}
	out, err := exec.Command(rscript, "-e", islandsR).Output()
	if err != nil {
		t.Skipf("Rscript with spdep failed: %v", err)
	}
	if !strings.Contains(string(out), "adjust.n=FALSE I=-1.02857142857143 EI=-0.2 VarI=0.186857142857143 z=-1.91679250066544") {
		t.Errorf("spdep now prints\n%s", out)
	}
}
