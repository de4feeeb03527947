package param

import (
	"errors"
	"fmt"
	"testing"
)

func TestRender(t *testing.T) {
	flag := func(n Name) string { return "--" + string(n) }
	e := Errorf("full-below", 7001, "lower %s so that each city keeps its %s strongest links", Name("full-below"), Name("keep"))
	for _, c := range []struct {
		namer      Namer
		want, what string
	}{
		{nil, "full-below 7001: lower full-below so that each city keeps its keep strongest links", "plain"},
		{flag, "--full-below 7001: lower --full-below so that each city keeps its --keep strongest links", "flags"},
	} {
		if got := e.Render(c.namer); got != c.want {
			t.Errorf("%s: %q, want %q", c.what, got, c.want)
		}
	}
	if e.Error() != e.Render(nil) {
		t.Error("Error is not the plain rendering")
	}
	// A switch has no value; a text value is quoted.
	if got := Errorf("symmetric", "", "only knn:K").Render(flag); got != "--symmetric: only knn:K" {
		t.Errorf("switch: %q", got)
	}
	if got := Quotedf("weights", "knn:0", "K must be >= 1").Error(); got != `weights "knn:0": K must be >= 1` {
		t.Errorf("quoted: %q", got)
	}
	// A Name in a value is not a parameter: only arguments of type Name are.
	if got := Textf("%s and %s", "--x", Name("y")).Render(flag); got != "--x and --y" {
		t.Errorf("message: %q", got)
	}
	// Wrapped, it is still found.
	var pe *Error
	if !errors.As(fmt.Errorf("reading: %w", e), &pe) || pe.Param != "full-below" {
		t.Error("errors.As does not find the parameter error")
	}
}
