package dynamics

import (
	"fmt"

	"collab/spatial"
)

// The LISA quadrants, numbered as giddy's LISA_Markov (and esda's
// Moran_Local.q): own value high or low against the year's mean, spatial
// lag of the deviations high or low. State s of the chain is quadrant s+1.
const (
	HH = 1 // high, high neighbours
	LH = 2 // low, high neighbours
	LL = 3 // low, low neighbours
	HL = 4 // high, low neighbours
)

// QuadrantNames are the names of quadrants 1..4 in state order.
var QuadrantNames = []string{"HH", "LH", "LL", "HL"}

// LISAMarkovResult is the Markov chain of the cities' LISA quadrants.
type LISAMarkovResult struct {
	Years []int `json:"years"`
	// Quadrants[t][i] is city i's quadrant (HH, LH, LL, HL = 1..4) in year
	// Years[t].
	Quadrants [][]int `json:"quadrants"`
	// Chain has the states HH, LH, LL, HL in that order (state = quadrant - 1).
	Chain Chain `json:"chain"`
	// Expected[i][j] is the expected number of moves i -> j if the city's
	// own moves (above or below the mean) and its lag's were independent.
	Expected [][]float64 `json:"expected"`
	// Independence tests the observed moves against Expected (giddy's
	// LISA_Markov chi_2).
	Independence ChiSquare `json:"independence"`
}

// LISAMarkov estimates the chain of LISA quadrants of scores[t][i] read
// every step years, with the weights w row-standardised here. A city's
// quadrant in a year comes from z = y - mean(y) and the lag Wz: high when
// > 0, low otherwise (a city without neighbours has lag 0: low), as
// esda's Moran_Local quadrants that giddy uses.
//
// The test of joint movement follows giddy: a city is high when y >= the
// year's mean and its lag high when Wy >= it; the 2 x 2 chains of the own
// and the lag classes, P_y and P_l, give the null transition matrix
// P_y (x) P_l (their Kronecker product, reordered to HH, LH, LL, HL), the
// expected moves E = diag(n_i) (P_y (x) P_l), and the chi-square of the
// observed moves against E.
func LISAMarkov(scores [][]float64, w *spatial.Weights, step int) (*LISAMarkovResult, error) {
	p, err := readPanel(scores, step)
	if err != nil {
		return nil, err
	}
	if w == nil || w.Len() != p.cities {
		return nil, fmt.Errorf("dynamics: weights: want weights of %d cities, got %v", p.cities, weightsLen(w))
	}
	w = w.Standardize()
	res := &LISAMarkovResult{Years: p.years, Quadrants: make([][]int, len(p.years))}
	states := make([][]int, len(p.years))
	own := make([][]int, len(p.years)) // 0 high, 1 low
	lag := make([][]int, len(p.years))
	for t, y := range p.scores {
		res.Quadrants[t], own[t], lag[t] = quadrants(y, w)
		states[t] = make([]int, len(y))
		for i, q := range res.Quadrants[t] {
			states[t][i] = q - 1
		}
	}
	chain, err := NewChain(countTransitions(states, 4))
	if err != nil {
		return nil, err
	}
	res.Chain = *chain
	pOwn, _ := rowProbabilities(countTransitions(own, 2))
	pLag, _ := rowProbabilities(countTransitions(lag, 2))
	res.Expected = expectedMoves(chain.Counts, pOwn, pLag)
	res.Independence = ChiSquareTest(chain.Counts, res.Expected)
	return res, nil
}

// quadrants returns each city's quadrant (from z and Wz) and, for the test
// of joint movement, whether y and Wy are below the mean (1) or not (0).
func quadrants(y []float64, w *spatial.Weights) (quad, own, lag []int) {
	var sum float64
	for _, v := range y {
		sum += v
	}
	mean := sum / float64(len(y))
	z := make([]float64, len(y))
	for i, v := range y {
		z[i] = v - mean
	}
	zLag, yLag := w.Lag(z), w.Lag(y)
	quad, own, lag = make([]int, len(y)), make([]int, len(y)), make([]int, len(y))
	for i := range y {
		quad[i] = quadrant(z[i] > 0, zLag[i] > 0)
		own[i] = below(y[i], mean)
		lag[i] = below(yLag[i], mean)
	}
	return quad, own, lag
}

func quadrant(high, lagHigh bool) int {
	switch {
	case high && lagHigh:
		return HH
	case lagHigh:
		return LH
	case !high:
		return LL
	}
	return HL
}

func below(v, mean float64) int {
	if v < mean {
		return 1
	}
	return 0
}

// expectedMoves returns diag(n_i) K where K[a][b] is the probability of the
// move a -> b under independence: K = P_own (x) P_lag with the states
// (own, lag) in HH, LH, LL, HL order; 0 = high, 1 = low.
func expectedMoves(counts [][]int, pOwn, pLag [][]float64) [][]float64 {
	ownOf := [4]int{0, 1, 1, 0} // HH, LH, LL, HL
	lagOf := [4]int{0, 0, 1, 1}
	out := make([][]float64, 4)
	for a := range 4 {
		out[a] = make([]float64, 4)
		n := float64(sum(counts[a]))
		for b := range 4 {
			out[a][b] = n * pOwn[ownOf[a]][ownOf[b]] * pLag[lagOf[a]][lagOf[b]]
		}
	}
	return out
}
