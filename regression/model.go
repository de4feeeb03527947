package regression

import (
	"fmt"
	"strings"
)

// Model names a regression model of the grammar ols, slx, sar, sem, sdm,
// sdem, sac. The zero value is OLS.
type Model int

// The models, as spatialreg fits them.
const (
	OLS  Model = iota // y = X beta + e (lm)
	SLX               // y = X beta + WX theta + e (lmSLX)
	SAR               // y = rho Wy + X beta + e (lagsarlm)
	SEM               // y = X beta + u, u = lambda Wu + e (errorsarlm)
	SDM               // y = rho Wy + X beta + WX theta + e (lagsarlm type "mixed")
	SDEM              // y = X beta + WX theta + u, u = lambda Wu + e (errorsarlm etype "emixed")
	SAC               // y = rho Wy + X beta + u, u = lambda Wu + e (sacsarlm)
)

var modelNames = [...]string{"ols", "slx", "sar", "sem", "sdm", "sdem", "sac"}

// String returns the model's lower-case name.
func (m Model) String() string {
	if m < 0 || int(m) >= len(modelNames) {
		return fmt.Sprintf("Model(%d)", int(m))
	}
	return modelNames[m]
}

// ParseModel reads a model name, case-insensitively.
func ParseModel(s string) (Model, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for i, name := range modelNames {
		if t == name {
			return Model(i), nil
		}
	}
	return 0, &InputError{Param: "model", Value: s, Reason: "unknown model; want one of " + strings.Join(modelNames[:], ", ")}
}

// MarshalText implements encoding.TextMarshaler.
func (m Model) MarshalText() ([]byte, error) {
	if m < 0 || int(m) >= len(modelNames) {
		return nil, &InputError{Param: "model", Value: fmt.Sprint(int(m)), Reason: "not a model"}
	}
	return []byte(modelNames[m]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (m *Model) UnmarshalText(b []byte) error {
	v, err := ParseModel(string(b))
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// lagsY reports whether the model has rho Wy.
func (m Model) lagsY() bool { return m == SAR || m == SDM || m == SAC }

// lagsErrors reports whether the model has lambda Wu.
func (m Model) lagsErrors() bool { return m == SEM || m == SDEM || m == SAC }

// lagsX reports whether the model has WX theta.
func (m Model) lagsX() bool { return m == SLX || m == SDM || m == SDEM }

// spatial reports whether the model needs weights.
func (m Model) spatial() bool { return m != OLS }

// InputError is bad input: the parameter, its value and why.
type InputError struct {
	Param  string
	Value  string
	Reason string
}

func (e *InputError) Error() string {
	if e.Value == "" {
		return fmt.Sprintf("regression: %s: %s", e.Param, e.Reason)
	}
	return fmt.Sprintf("regression: %s %q: %s", e.Param, e.Value, e.Reason)
}

func inputErr(param, value, format string, args ...any) error {
	return &InputError{Param: param, Value: value, Reason: fmt.Sprintf(format, args...)}
}
