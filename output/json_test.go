package output

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestWriteIndentedMatchesEncoder: writeIndented gives the same bytes as
// encoding/json's Encoder with SetIndent("", "  ") and SetEscapeHTML(false),
// on values chosen for the corners (empty and nested containers, quotes,
// backslashes and brackets inside strings, HTML characters, non-ASCII) and
// on random nested values.
func TestWriteIndentedMatchesEncoder(t *testing.T) {
	type inner struct {
		A []int          `json:"a"`
		M map[string]any `json:"m"`
		P *float64       `json:"p"`
	}
	values := []any{
		nil, 1.5, "x", []int{}, map[string]int{}, [][]int{{}, {1}, {}},
		map[string]any{"": "", "e": []any{}, "o": map[string]any{}, "n": nil},
		[]string{`q"uote`, `back\slash`, `\"`, `\\`, `{[,:]}`, "R&D <Hub>", "南京 \u2028 \t\n"},
		inner{A: []int{1, 2}, M: map[string]any{"k:": "v,"}},
		[]inner{{}, {A: []int{}}},
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 300 {
		values = append(values, randomValue(rng, 4))
	}
	for _, v := range values {
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := writeIndented(&got, v); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("value %#v:\ngot  %q\nwant %q", v, got.String(), want.String())
		}
	}
}

func randomValue(rng *rand.Rand, depth int) any {
	pieces := []string{"a", `"`, `\`, "{", "]", ",", ":", " ", "é", "<&>", "\x01"}
	switch k := rng.IntN(6); {
	case depth == 0 || k == 0:
		var b strings.Builder
		for range rng.IntN(5) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	case k == 1:
		return rng.NormFloat64() * 1e6
	case k == 2:
		return nil
	case k == 3:
		s := make([]any, rng.IntN(4))
		for i := range s {
			s[i] = randomValue(rng, depth-1)
		}
		return s
	default:
		m := map[string]any{}
		for range rng.IntN(4) {
			m[randomValue(rng, 0).(string)] = randomValue(rng, depth-1)
		}
		return m
	}
}
