package analysis

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"collab/geom"
	"collab/param"
	"collab/spatial"
)

// ModelWeights are the weights of a regression: one term, or the product
// of several written with "*" (a nested geographic-economic matrix,
// idw:1*economic:gdp). Each term is one of the study's weights (Weights:
// contiguity, queen, knn:K, band:KM, delaunay, auto), inverse distance
// idw:P[:KM] (w_ij = d_ij^-P in great-circle km, only pairs within KM
// when a cut-off is given) or economic distance economic:VAR
// (w_ij = 1/|VAR_i - VAR_j|, VAR averaged over the years studied). The
// product is taken pair by pair and row-standardised, as every regression
// weight is. The zero value means the study's weights.
type ModelWeights struct {
	Terms []WeightTerm
}

// WeightTerm is one factor of ModelWeights: exactly one of Base (Kind
// set), IDW or Economic.
type WeightTerm struct {
	Base     Weights
	IDW      *InverseDistance
	Economic string
}

// InverseDistance is w_ij = d_ij^-Power for every pair, or for the pairs
// within CutoffKm when it is > 0.
type InverseDistance struct {
	Power    float64
	CutoffKm float64
}

// DenseWeightsMaxN is the most cities whose regression weights may link
// every pair (inverse distance without a cut-off, economic distance
// alone): n^2 links, 4 million at 2,000 cities. Above it a cut-off
// (idw:P:KM) or a sparse factor (contiguity*economic:gdp) is required.
const DenseWeightsMaxN = 2000

// UnmarshalText reads the terms separated by "*".
func (m *ModelWeights) UnmarshalText(text []byte) error {
	s := strings.TrimSpace(string(text))
	if s == "" {
		*m = ModelWeights{}
		return nil
	}
	var out ModelWeights
	for part := range strings.SplitSeq(s, "*") {
		t, err := parseWeightTerm(strings.TrimSpace(part))
		if err != nil {
			return param.Quotedf("weights", s, "%s", err)
		}
		out.Terms = append(out.Terms, t)
	}
	*m = out
	return nil
}

const weightTermHelp = "each factor is contiguity, queen, knn:K, band:KM, delaunay, idw:P or idw:P:KM (inverse distance to the power P, within KM km), or economic:VAR (1/|VAR_i - VAR_j|); multiply factors with *, e.g. idw:1*economic:gdp"

func parseWeightTerm(s string) (WeightTerm, error) {
	kind, arg, _ := strings.Cut(s, ":")
	switch kind {
	case "idw":
		ps, km, hasKm := strings.Cut(arg, ":")
		p, err := strconv.ParseFloat(ps, 64)
		if err != nil || !(p > 0) || p > 10 {
			return WeightTerm{}, fmt.Errorf("%q: the power P of idw:P must be a number in (0, 10], e.g. idw:1 or idw:2:300", s)
		}
		d := &InverseDistance{Power: p}
		if hasKm {
			if d.CutoffKm, err = strconv.ParseFloat(km, 64); err != nil || !(d.CutoffKm > 0) || math.IsInf(d.CutoffKm, 0) {
				return WeightTerm{}, fmt.Errorf("%q: the cut-off KM of idw:P:KM must be a distance in km > 0, e.g. idw:1:300", s)
			}
		}
		return WeightTerm{IDW: d}, nil
	case "economic":
		if strings.TrimSpace(arg) == "" {
			return WeightTerm{}, fmt.Errorf("%q: name the variable, e.g. economic:gdp", s)
		}
		return WeightTerm{Economic: strings.TrimSpace(arg)}, nil
	}
	var w Weights
	if err := w.UnmarshalText([]byte(s)); err != nil {
		return WeightTerm{}, fmt.Errorf("%q is not a weight; %s", s, weightTermHelp)
	}
	return WeightTerm{Base: w}, nil
}

// String spells m as UnmarshalText reads it.
func (m ModelWeights) String() string {
	parts := make([]string, len(m.Terms))
	for i, t := range m.Terms {
		parts[i] = t.String()
	}
	return strings.Join(parts, "*")
}

func (t WeightTerm) String() string {
	switch {
	case t.IDW != nil:
		s := "idw:" + strconv.FormatFloat(t.IDW.Power, 'g', -1, 64)
		if t.IDW.CutoffKm > 0 {
			s += ":" + strconv.FormatFloat(t.IDW.CutoffKm, 'g', -1, 64)
		}
		return s
	case t.Economic != "":
		return "economic:" + t.Economic
	}
	return t.Base.String()
}

// MarshalText implements encoding.TextMarshaler.
func (m ModelWeights) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

func (m ModelWeights) check() error {
	var parsed ModelWeights
	return parsed.UnmarshalText([]byte(m.String()))
}

// modelWeights builds the row-standardised regression weights of spec
// (the study's weights when spec has no terms), and says how they were
// resolved (auto as the kind it chose). economic gives the values of an
// economic-distance variable.
func (s *study) modelWeights(spec ModelWeights, economic func(name string) ([]float64, error)) (*spatial.Weights, string, error) {
	w, spelled, _, err := s.modelWeightsSymmetric(spec, economic)
	return w, spelled, err
}

// modelWeightsSymmetric is modelWeights, also saying whether the weights
// before row standardisation are symmetric (the row-standardised ones then
// similar to a symmetric matrix, which the sparse log-determinants need).
func (s *study) modelWeightsSymmetric(spec ModelWeights, economic func(name string) ([]float64, error)) (*spatial.Weights, string, bool, error) {
	if len(spec.Terms) == 0 {
		spec = ModelWeights{Terms: []WeightTerm{{Base: s.p.Weights}}}
	}
	n := len(s.ds.Cities)
	var sparse []*spatial.Weights
	var factors []func(i, j int) (float64, error)
	resolved := make([]string, len(spec.Terms))
	for k, t := range spec.Terms {
		resolved[k] = t.String()
		switch {
		case t.IDW != nil:
			idw := t.IDW
			factor := func(i, j int) (float64, error) { return s.inverseDistance(i, j, idw.Power) }
			factors = append(factors, factor)
			if idw.CutoffKm > 0 {
				band, err := spatial.DistanceBand(s.points, idw.CutoffKm)
				if err != nil {
					return nil, "", false, param.Quotedf("weights", t.String(), "%v", err)
				}
				sparse = append(sparse, band)
			}
		case t.Economic != "":
			v, err := economic(t.Economic)
			if err != nil {
				return nil, "", false, err
			}
			factors = append(factors, s.economicDistance(t.Economic, v))
		default:
			w, kind, err := s.studyWeights(t.Base)
			if err != nil {
				return nil, "", false, err
			}
			resolved[k] = kind
			sparse = append(sparse, w)
		}
	}
	spelled := strings.Join(resolved, "*")
	if len(sparse) == 0 && n > DenseWeightsMaxN {
		return nil, "", false, param.Quotedf("weights", spelled, "links every pair of %d cities; above %d cities give inverse distance a cut-off (idw:P:KM) or multiply by a sparse weight (knn:K*economic:VAR)", n, DenseWeightsMaxN)
	}
	lists := pairsOf(n, sparse)
	vals := make([][]float64, n)
	for i, nb := range lists {
		vals[i] = make([]float64, len(nb))
		for k, j := range nb {
			x := 1.0
			for _, f := range factors {
				v, err := f(i, j)
				if err != nil {
					return nil, "", false, err
				}
				x *= v
			}
			vals[i][k] = x
		}
	}
	w, err := spatial.FromRows(lists, vals)
	if err != nil {
		return nil, "", false, err
	}
	return w.Standardize(), spelled, symmetric(w), nil
}

// studyWeights builds the study's weights of kind spec, as the spatial
// statistics do, leaving the study's own choice as it was.
func (s *study) studyWeights(spec Weights) (*spatial.Weights, string, error) {
	w, resolved, err := s.weightsOf(spec)
	return w, resolved.String(), err
}

// pairsOf lists, for each city, the cities linked in every sparse matrix
// (every other city when there is none).
func pairsOf(n int, sparse []*spatial.Weights) [][]int {
	lists := make([][]int, n)
	for i := range lists {
		if len(sparse) == 0 {
			for j := range n {
				if j != i {
					lists[i] = append(lists[i], j)
				}
			}
			continue
		}
		nb, _ := sparse[0].Row(i)
		for _, j := range nb {
			if linkedInAll(sparse[1:], i, j) {
				lists[i] = append(lists[i], j)
			}
		}
	}
	return lists
}

func linkedInAll(ws []*spatial.Weights, i, j int) bool {
	for _, w := range ws {
		if nb, _ := w.Row(i); !slices.Contains(nb, j) {
			return false
		}
	}
	return true
}

// inverseDistance is d_ij^-power; two cities at one place have none.
func (s *study) inverseDistance(i, j int, power float64) (float64, error) {
	d := geom.Distance(s.points[i], s.points[j])
	if d == 0 {
		return 0, s.modelProblem(fmt.Sprintf("cities %s and %s are at the same place: their inverse distance is infinite", s.cityLabel(i), s.cityLabel(j)),
			param.Textf("give them distinct positions, or use other %v", param.Name("weights")))
	}
	return math.Pow(d, -power), nil
}

// economicDistance is 1/|v_i - v_j|; equal values have none.
func (s *study) economicDistance(name string, v []float64) func(i, j int) (float64, error) {
	return func(i, j int) (float64, error) {
		d := math.Abs(v[i] - v[j])
		if d == 0 {
			return 0, s.modelProblem(fmt.Sprintf("cities %s and %s have the same %s (%g): their economic distance 1/|%s_i - %s_j| is infinite", s.cityLabel(i), s.cityLabel(j), name, v[i], name, name),
				param.Textf("use a variable whose values differ, or other %v", param.Name("weights")))
		}
		return 1 / d, nil
	}
}

// symmetric reports whether w_ij = w_ji for every link (to 1e-12
// relative).
func symmetric(w *spatial.Weights) bool {
	for i := range w.Len() {
		nb, wt := w.Row(i)
		for k, j := range nb {
			back, bw := w.Row(j)
			at, found := slices.BinarySearch(back, i)
			if !found || math.Abs(bw[at]-wt[k]) > 1e-12*math.Abs(wt[k]) {
				return false
			}
		}
	}
	return true
}
