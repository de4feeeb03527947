package composite

import (
	"context"
	"fmt"
	"math"
	"strings"
)

// Grade is one of the ten classes of the coupling coordination degree D,
// from ExtremeDisorder (0 <= D < 0.1) to QualityCoordination
// (0.9 <= D <= 1), each 0.1 wide. A D exactly on a cut point belongs to
// the higher grade.
type Grade int

const (
	ExtremeDisorder          Grade = iota // 0   <= D < 0.1 (极度失调)
	SeriousDisorder                       // 0.1 <= D < 0.2 (严重失调)
	ModerateDisorder                      // 0.2 <= D < 0.3 (中度失调)
	MildDisorder                          // 0.3 <= D < 0.4 (轻度失调)
	VergeOfDisorder                       // 0.4 <= D < 0.5 (濒临失调)
	BarelyCoordinated                     // 0.5 <= D < 0.6 (勉强协调)
	PrimaryCoordination                   // 0.6 <= D < 0.7 (初级协调)
	IntermediateCoordination              // 0.7 <= D < 0.8 (中级协调)
	GoodCoordination                      // 0.8 <= D < 0.9 (良好协调)
	QualityCoordination                   // 0.9 <= D <= 1  (优质协调)
)

// gradeCuts are the lower bounds of the grades from SeriousDisorder up.
var gradeCuts = [9]float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}

// Range returns the grade's bounds: lo <= D < hi, or D <= 1 for
// QualityCoordination (hi = 1).
func (g Grade) Range() (lo, hi float64) {
	if g < ExtremeDisorder || g > QualityCoordination {
		return 0, 0
	}
	if g > ExtremeDisorder {
		lo = gradeCuts[g-1]
	}
	if g < QualityCoordination {
		return lo, gradeCuts[g]
	}
	return lo, 1
}

var gradeNames = [10]string{
	"extreme disorder", "serious disorder", "moderate disorder", "mild disorder",
	"on the verge of disorder", "barely coordinated", "primary coordination",
	"intermediate coordination", "good coordination", "quality coordination",
}

func (g Grade) String() string {
	if g >= 0 && int(g) < len(gradeNames) {
		return gradeNames[g]
	}
	return fmt.Sprintf("Grade(%d)", int(g))
}

// GradeOf classes a coupling coordination degree: the highest grade whose
// cut point d reaches, by comparing d with the numbers 0.1, ..., 0.9 as
// written (not by multiplying by 10, which would round 0.3 up or down).
func GradeOf(d float64) Grade {
	g := ExtremeDisorder
	for k, cut := range gradeCuts {
		if d >= cut {
			g = Grade(k + 1)
		}
	}
	return g
}

// Coordination is the coupling of one city in one period.
type Coordination struct {
	// C = n (prod_k U_k / (sum_k U_k)^n)^(1/n), in [0, 1]. CDefined is
	// false when every U_k is 0: C is then 0/0, undefined, and reported
	// as 0.
	C        float64
	CDefined bool
	// T = sum_k alpha_k U_k is the comprehensive development index.
	T float64
	// D = sqrt(C T). When every U_k is 0, T is 0 and D is 0, its limit
	// whatever C tends to (C stays in [0, 1]).
	D     float64
	Grade Grade
}

// CouplingDegree computes C, T, D and the grade from the subsystem indices
// u (two or more, each >= 0) and their shares alpha (nil: equal; else one
// per subsystem, each >= 0, summing to 1 within 1e-9).
func CouplingDegree(u, alpha []float64) (Coordination, error) {
	alpha, err := shares(alpha, len(u))
	if err != nil {
		return Coordination{}, err
	}
	for k, x := range u {
		if !(x >= 0) || math.IsInf(x, 0) {
			return Coordination{}, &Error{Param: "subsystems", Reason: fmt.Sprintf("subsystem index U_%d = %v: the coupling degree takes the geometric mean of the U_k, which needs finite U_k >= 0", k+1, x)}
		}
	}
	return couple(u, alpha), nil
}

// couple is CouplingDegree without the checks.
func couple(u, alpha []float64) Coordination {
	n := float64(len(u))
	prod, sum, t := 1.0, 0.0, 0.0
	for k, x := range u {
		prod *= x
		sum += x
		t += alpha[k] * x
	}
	if sum == 0 {
		return Coordination{Grade: ExtremeDisorder}
	}
	c := n * math.Pow(prod/math.Pow(sum, n), 1/n)
	d := math.Sqrt(c * t)
	return Coordination{C: c, CDefined: true, T: t, D: d, Grade: GradeOf(d)}
}

// shares checks alpha against n subsystems, or returns equal shares for
// nil.
func shares(alpha []float64, n int) ([]float64, error) {
	if n < 2 {
		return nil, &Error{Param: "subsystems", Reason: fmt.Sprintf("the coupling coordination degree needs at least two subsystems, got %d", n)}
	}
	if alpha == nil {
		eq := make([]float64, n)
		for k := range eq {
			eq[k] = 1 / float64(n)
		}
		return eq, nil
	}
	if len(alpha) != n {
		return nil, &Error{Param: "alpha", Reason: fmt.Sprintf("%d shares for %d subsystems", len(alpha), n)}
	}
	sum := 0.0
	for k, a := range alpha {
		if !(a >= 0) || math.IsInf(a, 0) {
			return nil, &Error{Param: "alpha", Reason: fmt.Sprintf("share %d is %v; each share must be a finite number >= 0", k+1, a)}
		}
		sum += a
	}
	if math.Abs(sum-1) > 1e-9 {
		return nil, &Error{Param: "alpha", Reason: fmt.Sprintf("the shares %s sum to %s, not 1", joinFloats(alpha), formatFloat(sum))}
	}
	return alpha, nil
}

// Coupling is the coupling coordination of every kept city in every period.
type Coupling struct {
	Subsystems Subsystems
	Alpha      []float64
	Cities     []string
	Years      []int
	Dropped    []Dropped
	// Indices[k] is subsystem k's score: its U in Scores, on the [0, 1]
	// scale (the weighted sum without the factor 100, or the TOPSIS
	// closeness), with its own weights.
	Indices []*Result
	// Degree[p][i] is city Cities[i]'s coupling in period p.
	Degree [][]Coordination
}

// Coordinate computes each subsystem's index U_k from its own indicators
// and weights (opt.Method; opt.Shift must be >= 0), then the coupling
// coordination degree of every city. A city missing a value of any
// subsystem is dropped from all of them under MissingDrop. Time as Score
// over all the indicators, plus O(T n K) for K subsystems.
func Coordinate(ctx context.Context, t *Table, subs Subsystems, alpha []float64, opt Options) (*Coupling, error) {
	if err := subs.validate(); err != nil {
		return nil, err
	}
	alpha, err := shares(alpha, len(subs))
	if err != nil {
		return nil, err
	}
	var all IndicatorList
	for _, s := range subs {
		all = append(all, s.Indicators...)
	}
	_, kept, dropped, err := prepare(t, "subsystems", all, opt)
	if err != nil {
		return nil, err
	}
	if err := checkShift(opt, true, "the coupling degree"); err != nil {
		return nil, err
	}
	cp := &Coupling{Subsystems: subs, Alpha: alpha, Cities: pick(t.Cities, kept), Years: t.Years, Dropped: dropped}
	for _, s := range subs {
		cols, err := t.columnIndex("subsystems", s.Indicators)
		if err != nil {
			return nil, err
		}
		res := &Result{Method: opt.Method, Indicators: s.Indicators, Cities: cp.Cities, Years: t.Years, Dropped: dropped}
		if err := compute(ctx, t, cols, s.Indicators, kept, opt, 1, res); err != nil {
			return nil, fmt.Errorf("subsystem %q: %w", s.Name, err)
		}
		cp.Indices = append(cp.Indices, res)
	}
	cp.Degree = make([][]Coordination, t.Periods())
	u := make([]float64, len(subs))
	for p := range cp.Degree {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		cp.Degree[p] = make([]Coordination, len(kept))
		for i := range kept {
			for k, res := range cp.Indices {
				u[k] = res.Scores[p][i]
			}
			cp.Degree[p][i] = couple(u, alpha)
		}
	}
	return cp, nil
}

func joinFloats(xs []float64) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = formatFloat(x)
	}
	return strings.Join(s, ", ")
}
