package dynamics

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// Chain is a Markov chain estimated from transition counts (maximum
// likelihood: p_ij = n_ij / n_i), with its ergodic properties.
type Chain struct {
	K int `json:"k"`
	// Counts[i][j] is the number of transitions from class i to class j.
	Counts [][]int `json:"counts"`
	// Probabilities[i][j] = Counts[i][j] / sum_j Counts[i][j]; a row with no
	// observed transition (listed in EmptyRows) is all zero.
	Probabilities [][]float64 `json:"probabilities"`
	// EmptyRows are the classes from which no transition was observed. For
	// the ergodic properties they are taken as absorbing (p_ii = 1), as
	// giddy's fill_empty_classes does.
	EmptyRows []int `json:"empty_rows,omitempty"`
	Ergodic
}

// Ergodic holds the long-run properties of a chain with transition matrix P.
type Ergodic struct {
	// Irreducible is true when every class reaches every other: one
	// communicating class.
	Irreducible bool `json:"irreducible"`
	// Recurrent are the closed communicating classes (no way out), each
	// ascending, ordered by their first class; Transient the others.
	Recurrent [][]int `json:"recurrent_classes"`
	Transient [][]int `json:"transient_classes,omitempty"`
	// Absorbing are the classes with p_ii = 1.
	Absorbing []int `json:"absorbing,omitempty"`
	// Stationary holds one stationary distribution per recurrent class
	// (zero outside it).
	Stationary [][]float64 `json:"stationary"`
	// SteadyState is the unique limiting distribution pi = pi P, defined
	// when there is exactly one recurrent class (nil otherwise, see
	// Undefined).
	SteadyState []float64 `json:"steady_state,omitempty"`
	// FirstPassage[i][j] is the mean number of steps from i to first enter
	// j; the diagonal is the mean recurrence time 1/pi_j. Defined for an
	// irreducible chain (nil otherwise, see Undefined).
	FirstPassage [][]float64 `json:"first_passage,omitempty"`
	// Sojourn[i] = 1 / (1 - p_ii), the mean number of steps spent in i
	// before leaving it; nil (JSON null) for an absorbing class, where it
	// is infinite.
	Sojourn []*float64 `json:"sojourn"`
	// Undefined says, by field name, why a statistic above is missing.
	Undefined map[string]string `json:"undefined,omitempty"`
}

// NewChain estimates a chain from a k x k matrix of transition counts.
func NewChain(counts [][]int) (*Chain, error) {
	k := len(counts)
	if k == 0 {
		return nil, fmt.Errorf("dynamics: counts: no classes")
	}
	c := &Chain{K: k, Counts: counts, Probabilities: make([][]float64, k)}
	for i, row := range counts {
		if len(row) != k {
			return nil, fmt.Errorf("dynamics: counts: row %d has %d entries, want %d", i, len(row), k)
		}
		var total int
		for j, n := range row {
			if n < 0 {
				return nil, fmt.Errorf("dynamics: counts[%d][%d] = %d is negative", i, j, n)
			}
			total += n
		}
		c.Probabilities[i] = make([]float64, k)
		if total == 0 {
			c.EmptyRows = append(c.EmptyRows, i)
			continue
		}
		for j, n := range row {
			c.Probabilities[i][j] = float64(n) / float64(total)
		}
	}
	e, err := ErgodicOf(c.Probabilities)
	if err != nil {
		return nil, err
	}
	c.Ergodic = e
	return c, nil
}

// ErgodicOf returns the ergodic properties of a k x k transition matrix
// whose rows sum to 1 (within 1e-9) or are all zero; an all-zero row is
// taken as an absorbing class (giddy's fill_empty_diagonals).
//
// The communicating classes are the strongly connected components of the
// graph i -> j for p_ij > 0; a class is recurrent when no arc leaves it.
// Each stationary distribution is found by the Grassmann-Taksar-Heyman
// elimination on its recurrent class (no subtractions, so accurate for
// nearly decomposable chains); first passage times by Kemeny and Snell's
// fundamental matrix Z = (I - P + 1 pi)^-1: m_ij = (delta_ij - z_ij + z_jj) / pi_j.
func ErgodicOf(p [][]float64) (Ergodic, error) {
	filled, err := filledMatrix(p)
	if err != nil {
		return Ergodic{}, err
	}
	k := len(filled)
	var e Ergodic
	components := stronglyConnected(filled)
	for _, comp := range components {
		if closed(filled, comp) {
			e.Recurrent = append(e.Recurrent, comp)
		} else {
			e.Transient = append(e.Transient, comp)
		}
	}
	e.Irreducible = len(components) == 1
	for i := range k {
		if filled[i][i] == 1 {
			e.Absorbing = append(e.Absorbing, i)
		}
	}
	for _, rc := range e.Recurrent {
		e.Stationary = append(e.Stationary, stationary(filled, rc))
	}
	e.Sojourn = sojourn(filled)
	e.Undefined = map[string]string{}
	if len(e.Recurrent) == 1 {
		e.SteadyState = e.Stationary[0]
	} else {
		e.Undefined["steady_state"] = fmt.Sprintf("the chain has %d recurrent classes: the long run depends on the start (see stationary)", len(e.Recurrent))
	}
	if e.Irreducible {
		e.FirstPassage, err = firstPassage(filled, e.SteadyState)
		if err != nil {
			return Ergodic{}, err
		}
	} else {
		e.Undefined["first_passage"] = "the chain is reducible: some classes cannot reach others"
	}
	if len(e.Absorbing) > 0 {
		e.Undefined["sojourn"] = fmt.Sprintf("infinite for the absorbing classes %v", e.Absorbing)
	}
	if len(e.Undefined) == 0 {
		e.Undefined = nil
	}
	return e, nil
}

// filledMatrix checks p and returns a copy with every all-zero row given
// p_ii = 1.
func filledMatrix(p [][]float64) ([][]float64, error) {
	k := len(p)
	if k == 0 {
		return nil, fmt.Errorf("dynamics: transition matrix: no classes")
	}
	out := make([][]float64, k)
	for i, row := range p {
		if len(row) != k {
			return nil, fmt.Errorf("dynamics: transition matrix: row %d has %d entries, want %d", i, len(row), k)
		}
		var sum float64
		for j, v := range row {
			if !(v >= 0 && v <= 1) {
				return nil, fmt.Errorf("dynamics: transition matrix: p[%d][%d] = %v is not a probability", i, j, v)
			}
			sum += v
		}
		out[i] = slices.Clone(row)
		switch {
		case sum == 0:
			out[i][i] = 1
		case math.Abs(sum-1) > 1e-9:
			return nil, fmt.Errorf("dynamics: transition matrix: row %d sums to %v, want 1 (or 0 for a class never observed)", i, sum)
		}
	}
	return out, nil
}

// stronglyConnected returns the strongly connected components of i -> j
// (p_ij > 0), each ascending, ordered by their smallest member (Tarjan).
func stronglyConnected(p [][]float64) [][]int {
	k := len(p)
	index, low := make([]int, k), make([]int, k)
	onStack := make([]bool, k)
	for i := range index {
		index[i] = -1
	}
	var stack []int
	var comps [][]int
	next := 0
	var visit func(v int)
	visit = func(v int) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		for w := range k {
			if p[v][w] <= 0 {
				continue
			}
			if index[w] < 0 {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] != index[v] {
			return
		}
		var comp []int
		for {
			w := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[w] = false
			comp = append(comp, w)
			if w == v {
				break
			}
		}
		slices.Sort(comp)
		comps = append(comps, comp)
	}
	for v := range k {
		if index[v] < 0 {
			visit(v)
		}
	}
	slices.SortFunc(comps, func(a, b []int) int { return a[0] - b[0] })
	return comps
}

// closed reports whether no arc leaves the class comp.
func closed(p [][]float64, comp []int) bool {
	for _, i := range comp {
		for j, v := range p[i] {
			if v > 0 && !slices.Contains(comp, j) {
				return false
			}
		}
	}
	return true
}

// stationary returns the stationary distribution of the closed class comp
// (zero elsewhere) by Grassmann-Taksar-Heyman elimination.
func stationary(p [][]float64, comp []int) []float64 {
	m := len(comp)
	a := make([][]float64, m)
	for r, i := range comp {
		a[r] = make([]float64, m)
		for c, j := range comp {
			a[r][c] = p[i][j]
		}
	}
	for n := m - 1; n > 0; n-- {
		var s float64 // the probability of leaving state n downwards: > 0 in a communicating class
		for j := range n {
			s += a[n][j]
		}
		for i := range n {
			a[i][n] /= s
		}
		for i := range n {
			for j := range n {
				a[i][j] += a[i][n] * a[n][j]
			}
		}
	}
	pi := make([]float64, m)
	pi[0] = 1
	total := 1.0
	for n := 1; n < m; n++ {
		for i := range n {
			pi[n] += pi[i] * a[i][n]
		}
		total += pi[n]
	}
	out := make([]float64, len(p))
	for r, i := range comp {
		out[i] = pi[r] / total
	}
	return out
}

// firstPassage returns the mean first passage times of an irreducible
// chain from its fundamental matrix.
func firstPassage(p [][]float64, pi []float64) ([][]float64, error) {
	k := len(p)
	a := mat.NewDense(k, k, nil)
	for i := range k {
		for j := range k {
			v := pi[j] - p[i][j]
			if i == j {
				v++
			}
			a.Set(i, j, v)
		}
	}
	var z mat.Dense
	if err := z.Inverse(a); err != nil {
		return nil, fmt.Errorf("dynamics: first passage times: fundamental matrix: %w", err)
	}
	m := make([][]float64, k)
	for i := range k {
		m[i] = make([]float64, k)
		for j := range k {
			delta := 0.0
			if i == j {
				delta = 1
			}
			m[i][j] = (delta - z.At(i, j) + z.At(j, j)) / pi[j]
		}
	}
	return m, nil
}

func sojourn(p [][]float64) []*float64 {
	out := make([]*float64, len(p))
	for i := range p {
		if stay := p[i][i]; stay < 1 {
			v := 1 / (1 - stay)
			out[i] = &v
		}
	}
	return out
}

// countTransitions counts the moves labels[t][i] -> labels[t+1][i] between
// consecutive rows into a k x k matrix.
func countTransitions(labels [][]int, k int) [][]int {
	counts := newCounts(k)
	for t := 0; t+1 < len(labels); t++ {
		for i, from := range labels[t] {
			counts[from][labels[t+1][i]]++
		}
	}
	return counts
}

func newCounts(k int) [][]int {
	counts := make([][]int, k)
	for i := range counts {
		counts[i] = make([]int, k)
	}
	return counts
}
