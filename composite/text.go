package composite

import (
	"fmt"
	"strings"
)

// Indicator is one column of a Table used in an index, with its direction.
type Indicator struct {
	Name string
	// LessIsBetter marks a cost indicator (energy use per unit of GDP, say):
	// min-max normalisation reverses it so that 1 is the best value.
	LessIsBetter bool
}

// String spells the indicator as the list grammar does: "-Name" when less
// is better, "Name" otherwise.
func (ind Indicator) String() string {
	if ind.LessIsBetter {
		return "-" + ind.Name
	}
	return ind.Name
}

// IndicatorList is a list of indicators spelt "A,B,-C": names separated by
// commas, a leading "-" marking an indicator where less is better. Spaces
// around names are ignored; names must be non-empty, distinct, and contain
// none of ",;:". MarshalText gives back the canonical spelling (no spaces),
// which UnmarshalText reads as the same list.
type IndicatorList []Indicator

// UnmarshalText parses "A,B,-C".
func (l *IndicatorList) UnmarshalText(text []byte) error {
	list, err := parseIndicators("indicators", string(text))
	if err != nil {
		return err
	}
	*l = list
	return nil
}

// MarshalText spells the list as "A,B,-C".
func (l IndicatorList) MarshalText() ([]byte, error) {
	return []byte(l.String()), nil
}

func (l IndicatorList) String() string {
	parts := make([]string, len(l))
	for i, ind := range l {
		parts[i] = ind.String()
	}
	return strings.Join(parts, ",")
}

// Names returns the indicators' names, without directions.
func (l IndicatorList) Names() []string {
	names := make([]string, len(l))
	for i, ind := range l {
		names[i] = ind.Name
	}
	return names
}

func parseIndicators(param, s string) (IndicatorList, error) {
	if strings.TrimSpace(s) == "" {
		return nil, &Error{Param: param, Reason: `no indicators: write names separated by commas, "-" before one where less is better (e.g. "rd,patents,-energy")`}
	}
	var list IndicatorList
	seen := map[string]bool{}
	for _, field := range strings.Split(s, ",") {
		field = strings.TrimSpace(field)
		ind := Indicator{Name: field}
		if name, ok := strings.CutPrefix(field, "-"); ok {
			ind = Indicator{Name: strings.TrimSpace(name), LessIsBetter: true}
		}
		if err := checkName(param, "indicator", ind.Name, s); err != nil {
			return nil, err
		}
		if seen[ind.Name] {
			return nil, &Error{Param: param, Indicator: ind.Name, Reason: "listed twice"}
		}
		seen[ind.Name] = true
		list = append(list, ind)
	}
	return list, nil
}

// checkName rejects an empty name or one that the grammars could not spell
// back.
func checkName(param, what, name, whole string) error {
	if name == "" {
		return &Error{Param: param, Reason: fmt.Sprintf("empty %s name in %q", what, whole)}
	}
	if strings.ContainsAny(name, ",;:") || strings.HasPrefix(name, "-") {
		return &Error{Param: param, Reason: fmt.Sprintf("%s name %q: names may not contain , ; : or start with -", what, name)}
	}
	return nil
}

// Subsystem is a named group of indicators (innovation, economy, ...) whose
// own index enters the coupling coordination degree.
type Subsystem struct {
	Name       string
	Indicators IndicatorList
}

// Subsystems is a list of at least two subsystems spelt
// "innovation:A,B;economy:C,-D": subsystems separated by semicolons, each a
// name, a colon and an IndicatorList. Subsystem names and indicators must
// be distinct (an indicator belongs to one subsystem). MarshalText gives
// back the canonical spelling.
type Subsystems []Subsystem

// UnmarshalText parses "innovation:A,B;economy:C,D".
func (s *Subsystems) UnmarshalText(text []byte) error {
	subs, err := parseSubsystems(string(text))
	if err != nil {
		return err
	}
	*s = subs
	return nil
}

// MarshalText spells the subsystems as "innovation:A,B;economy:C,D".
func (s Subsystems) MarshalText() ([]byte, error) {
	return []byte(s.String()), nil
}

func (s Subsystems) String() string {
	parts := make([]string, len(s))
	for i, sub := range s {
		parts[i] = sub.Name + ":" + sub.Indicators.String()
	}
	return strings.Join(parts, ";")
}

func parseSubsystems(s string) (Subsystems, error) {
	const param = "subsystems"
	var subs Subsystems
	for _, part := range strings.Split(s, ";") {
		name, list, ok := strings.Cut(part, ":")
		if !ok {
			return nil, &Error{Param: param, Reason: fmt.Sprintf(`%q: write name:A,B for each subsystem, separated by ";" (e.g. "innovation:rd,patents;economy:gdp,-energy")`, strings.TrimSpace(part))}
		}
		name = strings.TrimSpace(name)
		if err := checkName(param, "subsystem", name, s); err != nil {
			return nil, err
		}
		inds, err := parseIndicators(param, list)
		if err != nil {
			return nil, err
		}
		subs = append(subs, Subsystem{Name: name, Indicators: inds})
	}
	if err := subs.validate(); err != nil {
		return nil, err
	}
	return subs, nil
}

// validate checks what the grammar cannot: two or more subsystems, distinct
// names, each indicator in one subsystem only.
func (s Subsystems) validate() error {
	const param = "subsystems"
	if len(s) < 2 {
		return &Error{Param: param, Reason: fmt.Sprintf("the coupling coordination degree needs at least two subsystems, got %d", len(s))}
	}
	owner := map[string]string{}
	names := map[string]bool{}
	for _, sub := range s {
		if names[sub.Name] {
			return &Error{Param: param, Reason: fmt.Sprintf("subsystem %q listed twice", sub.Name)}
		}
		names[sub.Name] = true
		if len(sub.Indicators) == 0 {
			return &Error{Param: param, Reason: fmt.Sprintf("subsystem %q has no indicators", sub.Name)}
		}
		for _, ind := range sub.Indicators {
			if o, ok := owner[ind.Name]; ok {
				return &Error{Param: param, Indicator: ind.Name, Reason: fmt.Sprintf("in both subsystem %q and %q", o, sub.Name)}
			}
			owner[ind.Name] = sub.Name
		}
	}
	return nil
}

// Method is how indicators are weighted and combined into a score.
type Method int

const (
	// Entropy weights by the entropy method; score 100 sum_j w_j x'_ij.
	Entropy Method = iota
	// CRITIC weights by contrast and conflict (Diakoulaki et al. 1995);
	// score 100 sum_j w_j x'_ij.
	CRITIC
	// Equal gives every indicator weight 1/m; score 100 sum_j x'_ij / m.
	Equal
	// TOPSIS scores each city by its closeness to the ideal (Hwang and
	// Yoon 1981), weighting indicators by Options.TOPSISWeights (entropy
	// by default: the entropy-TOPSIS method).
	TOPSIS
)

var methodNames = []string{"entropy", "critic", "equal", "topsis"}

func (m Method) String() string {
	if m >= 0 && int(m) < len(methodNames) {
		return methodNames[m]
	}
	return fmt.Sprintf("Method(%d)", int(m))
}

// MarshalText spells the method as entropy, critic, equal or topsis.
func (m Method) MarshalText() ([]byte, error) {
	if m < 0 || int(m) >= len(methodNames) {
		return nil, &Error{Param: "method", Reason: fmt.Sprintf("no method numbered %d", int(m))}
	}
	return []byte(m.String()), nil
}

// UnmarshalText reads entropy, critic, equal or topsis (case ignored).
func (m *Method) UnmarshalText(text []byte) error {
	s := strings.ToLower(strings.TrimSpace(string(text)))
	for i, name := range methodNames {
		if s == name {
			*m = Method(i)
			return nil
		}
	}
	return unknownName("method", "method", string(text), methodNames)
}

// MissingPolicy says what to do with missing values among the indicators
// used.
type MissingPolicy int

const (
	// MissingReport fails with a *MissingError listing every missing value.
	MissingReport MissingPolicy = iota
	// MissingDrop leaves out every city with a missing value in any year
	// (a panel stays balanced) and reports it in Result.Dropped.
	MissingDrop
)

var missingNames = []string{"error", "drop"}

func (p MissingPolicy) String() string {
	if p >= 0 && int(p) < len(missingNames) {
		return missingNames[p]
	}
	return fmt.Sprintf("MissingPolicy(%d)", int(p))
}

// MarshalText spells the policy as error or drop.
func (p MissingPolicy) MarshalText() ([]byte, error) {
	if p < 0 || int(p) >= len(missingNames) {
		return nil, &Error{Param: "missing", Reason: fmt.Sprintf("no policy numbered %d", int(p))}
	}
	return []byte(p.String()), nil
}

// UnmarshalText reads error or drop (case ignored).
func (p *MissingPolicy) UnmarshalText(text []byte) error {
	s := strings.ToLower(strings.TrimSpace(string(text)))
	for i, name := range missingNames {
		if s == name {
			*p = MissingPolicy(i)
			return nil
		}
	}
	return unknownName("missing", "policy", string(text), missingNames)
}
