package analysis

import (
	"encoding/json"
	"math"
)

// Number is a measure that may be undefined: NaN (or an infinity) stands
// for "undefined" and is written as null in JSON, which has no NaN.
type Number float64

// Defined reports whether x is a finite number.
func (x Number) Defined() bool {
	return !math.IsNaN(float64(x)) && !math.IsInf(float64(x), 0)
}

// MarshalJSON writes x as encoding/json writes a float64, or null.
func (x Number) MarshalJSON() ([]byte, error) {
	if !x.Defined() {
		return []byte("null"), nil
	}
	return json.Marshal(float64(x))
}
