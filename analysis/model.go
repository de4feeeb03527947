package analysis

import (
	"fmt"
	"strconv"
	"strings"

	"collab/param"
	"collab/regression"
)

// ModelParameters ask for a spatial regression of the cities' variables
// (collab model, or analyze with a model): nil Model asks for none.
type ModelParameters struct {
	Model *ModelSpec `json:"model"`
}

// ModelSpec is a spatial regression to fit: the model, the response and
// the regressors (variables of the dataset, "score" among them, each
// optionally logged), the weights, the simulation draws of the impacts'
// standard errors (seeded by Parameters.Seed) and, for a panel, the years
// and the fixed effects.
type ModelSpec struct {
	Kind    regression.Model `json:"kind"`
	Y       Term             `json:"y"`
	X       []Term           `json:"x"`
	Weights ModelWeights     `json:"weights"` // empty: the study's weights (Parameters.Weights)
	Draws   int              `json:"draws"`
	// Years, when set, fits a panel of the dataset's years in the range;
	// nil fits the cross-section of Parameters.Year.
	Years   *YearRange `json:"years"`
	Effects Effects    `json:"effects"`
}

// DefaultDraws are the simulation draws of the impacts' standard errors
// when none are asked for: enough for two significant digits.
const DefaultDraws = 1000

// maxDraws bounds the simulation draws.
const maxDraws = 1_000_000

// Term is a variable of the regression, optionally logged: "rd" or
// "log(rd)".
type Term struct {
	Name string
	Log  bool
}

// UnmarshalText reads NAME or log(NAME).
func (t *Term) UnmarshalText(text []byte) error {
	s := strings.TrimSpace(string(text))
	if inner, ok := strings.CutPrefix(s, "log("); ok {
		inner, ok = strings.CutSuffix(inner, ")")
		if !ok || strings.TrimSpace(inner) == "" {
			return fmt.Errorf("%q: write a logged variable as log(NAME)", s)
		}
		*t = Term{Name: strings.TrimSpace(inner), Log: true}
		return nil
	}
	if s == "" || strings.ContainsAny(s, "(),") {
		return fmt.Errorf("%q: give a variable's name, or log(NAME)", s)
	}
	*t = Term{Name: s}
	return nil
}

// String spells t as UnmarshalText reads it.
func (t Term) String() string {
	if t.Log {
		return "log(" + t.Name + ")"
	}
	return t.Name
}

// MarshalText implements encoding.TextMarshaler.
func (t Term) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// ParseTerms reads the regressors, separated by commas: rd,log(talent).
// p names the parameter in errors.
func ParseTerms(p param.Name, s string) ([]Term, error) {
	var out []Term
	for part := range strings.SplitSeq(s, ",") {
		var t Term
		if err := t.UnmarshalText([]byte(part)); err != nil {
			return nil, param.Quotedf(p, s, "%v", err)
		}
		out = append(out, t)
	}
	return out, nil
}

// YearRange is the years of a panel, From to To inclusive.
type YearRange struct{ From, To int }

// UnmarshalText reads A-B.
func (r *YearRange) UnmarshalText(text []byte) error {
	a, b, ok := strings.Cut(strings.TrimSpace(string(text)), "-")
	from, err1 := strconv.Atoi(strings.TrimSpace(a))
	to, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || from >= to {
		return param.Quotedf("years", string(text), "give the first and last year of the panel, such as 2011-2021")
	}
	*r = YearRange{from, to}
	return nil
}

// MarshalText implements encoding.TextMarshaler.
func (r YearRange) MarshalText() ([]byte, error) { return fmt.Appendf(nil, "%d-%d", r.From, r.To), nil }

// Effects are the fixed effects of a panel: city, year, both or none (a
// pooled regression with one intercept).
type Effects string

// UnmarshalText implements encoding.TextUnmarshaler.
func (e *Effects) UnmarshalText(text []byte) error {
	switch v := Effects(text); v {
	case "city", "year", "both", "none":
		*e = v
		return nil
	}
	return param.Quotedf("effects", string(text), "choose city, year, both (two-way, with the Lee-Yu correction) or none (pooled)")
}

func (p *ModelParameters) check() error {
	m := p.Model
	if m == nil {
		return nil
	}
	switch {
	case m.Kind < regression.OLS || m.Kind > regression.SAC:
		return param.Errorf("model", m.Kind, "choose ols, slx, sar, sem, sdm, sdem or sac")
	case m.Y.Name == "":
		return param.Errorf("y", "", "give the response, a variable of the dataset, such as score or log(patents)")
	case len(m.X) == 0:
		return param.Errorf("x", "", "give the regressors, variables of the dataset separated by commas, such as rd,log(talent)")
	case m.Draws < 0 || m.Draws > maxDraws:
		return param.Errorf("draws", m.Draws, "must be between 0 (no standard errors for the impacts) and %d", maxDraws)
	case m.Years != nil && m.Kind == regression.SAC:
		return param.Quotedf("model", "sac", "is not available for panels; choose ols, slx, sar, sem, sdm or sdem")
	}
	if m.Effects == "" {
		m.Effects = "city"
	}
	var e Effects
	if err := e.UnmarshalText([]byte(m.Effects)); err != nil {
		return err
	}
	seen := map[string]bool{m.Y.String(): true}
	for _, t := range m.X {
		if seen[t.String()] {
			return param.Quotedf("x", t.String(), "is given twice, or is the response too")
		}
		seen[t.String()] = true
	}
	return m.Weights.check()
}
