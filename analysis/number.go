package analysis

import (
	"math"
	"strconv"
)

// Number is a measure that may be undefined: NaN (or an infinity) stands
// for "undefined" and is written as null in JSON, which has no NaN.
type Number float64

// Defined reports whether x is a finite number.
func (x Number) Defined() bool {
	return !math.IsNaN(float64(x)) && !math.IsInf(float64(x), 0)
}

// MarshalJSON writes x as encoding/json writes a float64, or null. It
// formats the number itself, with encoding/json's rule (the shortest
// representation, in exponent form below 1e-6 and from 1e21, the
// exponent without a leading zero), because json.Marshal's reflection was
// most of the time of writing 100,000 cities' results.
func (x Number) MarshalJSON() ([]byte, error) {
	if !x.Defined() {
		return []byte("null"), nil
	}
	return appendJSONFloat(make([]byte, 0, 24), float64(x)), nil
}

// appendJSONFloat appends f as encoding/json's float64 encoder does.
func appendJSONFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// 1e-07 becomes 1e-7, as encoding/json writes it.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}
