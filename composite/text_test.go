package composite

import (
	"encoding"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
)

var (
	_ encoding.TextUnmarshaler = (*IndicatorList)(nil)
	_ encoding.TextMarshaler   = IndicatorList(nil)
	_ encoding.TextUnmarshaler = (*Subsystems)(nil)
	_ encoding.TextMarshaler   = Subsystems(nil)
	_ encoding.TextUnmarshaler = (*Method)(nil)
	_ encoding.TextMarshaler   = Method(0)
	_ encoding.TextUnmarshaler = (*MissingPolicy)(nil)
	_ encoding.TextMarshaler   = MissingPolicy(0)
)

// TestIndicatorListText: parsing, the canonical spelling, and that the
// spelling reads back as the same list.
func TestIndicatorListText(t *testing.T) {
	for _, tc := range []struct {
		in, canonical string
		want          IndicatorList
	}{
		{"A,B,-C", "A,B,-C", IndicatorList{{"A", false}, {"B", false}, {"C", true}}},
		{" rd , - energy ,专利", "rd,-energy,专利", IndicatorList{{"rd", false}, {"energy", true}, {"专利", false}}},
		{"gdp", "gdp", IndicatorList{{"gdp", false}}},
	} {
		var l IndicatorList
		if err := l.UnmarshalText([]byte(tc.in)); err != nil {
			t.Fatalf("%q: %v", tc.in, err)
		}
		if !reflect.DeepEqual(l, tc.want) {
			t.Errorf("%q parsed as %+v, want %+v", tc.in, l, tc.want)
		}
		text, _ := l.MarshalText()
		if string(text) != tc.canonical {
			t.Errorf("%q spelt %q, want %q", tc.in, text, tc.canonical)
		}
		var again IndicatorList
		if err := again.UnmarshalText(text); err != nil || !reflect.DeepEqual(again, l) {
			t.Errorf("%q does not read back: %+v, %v", text, again, err)
		}
	}
	for _, tc := range []struct{ in, reason string }{
		{"", "no indicators"},
		{"A,,B", `empty indicator name in "A,,B"`},
		{"A,-", "empty indicator name"},
		{"A,--B", "may not contain , ; : or start with -"},
		{"A:B", "may not contain"},
		{"A,B,A", "listed twice"},
		{"A,-A", "listed twice"},
	} {
		var l IndicatorList
		err := l.UnmarshalText([]byte(tc.in))
		var e *Error
		if !errors.As(err, &e) || e.Param != "indicators" || !strings.Contains(err.Error(), tc.reason) {
			t.Errorf("%q: error %v, want an indicators error saying %q", tc.in, err, tc.reason)
		}
	}
}

func TestSubsystemsText(t *testing.T) {
	in := " innovation : rd, patents ; economy:gdp,-energy"
	var s Subsystems
	if err := s.UnmarshalText([]byte(in)); err != nil {
		t.Fatal(err)
	}
	want := Subsystems{
		{"innovation", IndicatorList{{"rd", false}, {"patents", false}}},
		{"economy", IndicatorList{{"gdp", false}, {"energy", true}}},
	}
	if !reflect.DeepEqual(s, want) {
		t.Fatalf("parsed %+v, want %+v", s, want)
	}
	text, _ := s.MarshalText()
	if string(text) != "innovation:rd,patents;economy:gdp,-energy" {
		t.Errorf("spelt %q", text)
	}
	var again Subsystems
	if err := again.UnmarshalText(text); err != nil || !reflect.DeepEqual(again, s) {
		t.Errorf("%q does not read back: %+v, %v", text, again, err)
	}
	for _, tc := range []struct{ in, reason string }{
		{"innovation:rd,patents", "at least two subsystems, got 1"},
		{"innovation:rd;economy", `"economy": write name:A,B`},
		{":rd;economy:gdp", "empty subsystem name"},
		{"a:rd;a:gdp", `subsystem "a" listed twice`},
		{"a:rd,gdp;b:gdp", `in both subsystem "a" and "b"`},
		{"a:rd;b:", "no indicators"},
		{"a:rd;b:x:y", "may not contain"},
	} {
		var s Subsystems
		err := s.UnmarshalText([]byte(tc.in))
		var e *Error
		if !errors.As(err, &e) || e.Param != "subsystems" || !strings.Contains(err.Error(), tc.reason) {
			t.Errorf("%q: error %v, want a subsystems error saying %q", tc.in, err, tc.reason)
		}
	}
}

func TestMethodAndMissingText(t *testing.T) {
	for m := Entropy; m <= TOPSIS; m++ {
		text, err := m.MarshalText()
		var back Method
		if err != nil || back.UnmarshalText(text) != nil || back != m {
			t.Errorf("%v: spelt %q (%v), read back as %v", m, text, err, back)
		}
	}
	var m Method
	if err := m.UnmarshalText([]byte(" CRITIC ")); err != nil || m != CRITIC {
		t.Errorf("CRITIC read as %v, %v", m, err)
	}
	if err := m.UnmarshalText([]byte("entorpy")); err == nil || !strings.Contains(err.Error(), `composite: method: unknown method "entorpy" (did you mean "entropy"?)`) {
		t.Errorf("entorpy: %v", err)
	}
	if _, err := Method(7).MarshalText(); err == nil {
		t.Error("Method(7) spelt without error")
	}
	for p := MissingReport; p <= MissingDrop; p++ {
		text, err := p.MarshalText()
		var back MissingPolicy
		if err != nil || back.UnmarshalText(text) != nil || back != p {
			t.Errorf("%v: spelt %q (%v), read back as %v", p, text, err, back)
		}
	}
	var p MissingPolicy
	if err := p.UnmarshalText([]byte("dorp")); err == nil || !strings.Contains(err.Error(), `did you mean "drop"?`) {
		t.Errorf("dorp: %v", err)
	}
}

// TestGrades: each grade's range, and a D on a cut point in the higher
// grade.
func TestGrades(t *testing.T) {
	for _, tc := range []struct {
		d    float64
		want Grade
	}{
		{0, ExtremeDisorder}, {0.0999999, ExtremeDisorder}, {0.1, SeriousDisorder},
		{0.25, ModerateDisorder}, {0.3, MildDisorder}, {0.29999999999999993, ModerateDisorder},
		{0.45, VergeOfDisorder}, {0.5, BarelyCoordinated}, {0.6, PrimaryCoordination},
		{0.7, IntermediateCoordination}, {0.8, GoodCoordination}, {0.8999, GoodCoordination},
		{0.9, QualityCoordination}, {1, QualityCoordination},
	} {
		if g := GradeOf(tc.d); g != tc.want {
			t.Errorf("GradeOf(%v) = %v, want %v", tc.d, g, tc.want)
		}
	}
	for g := ExtremeDisorder; g <= QualityCoordination; g++ {
		lo, hi := g.Range()
		if want := float64(g) / 10; !closeTo(lo, want, 1e-15) || !closeTo(hi, want+0.1, 1e-15) || GradeOf(lo) != g {
			t.Errorf("%v: range [%v, %v), want [%v, %v) with GradeOf(lo) the grade", g, lo, hi, want, want+0.1)
		}
	}
	if ExtremeDisorder.String() != "extreme disorder" || QualityCoordination.String() != "quality coordination" {
		t.Errorf("grade names %q, %q", ExtremeDisorder, QualityCoordination)
	}
}

// TestCouplingDegree: three subsystems with unequal shares, worked by hand:
// U = 0.2, 0.4, 0.8, sum 1.4, prod 0.064;
// C = 3 (0.064 / 1.4^3)^(1/3) = 3 * 0.4 / 1.4 = 6/7 (prod^(1/3) = 0.4);
// T = 0.5*0.2 + 0.3*0.4 + 0.2*0.8 = 0.38; D = sqrt(6/7 * 0.38).
// And every U = 0: C undefined, T = D = 0.
func TestCouplingDegree(t *testing.T) {
	got, err := CouplingDegree([]float64{0.2, 0.4, 0.8}, []float64{0.5, 0.3, 0.2})
	if err != nil {
		t.Fatal(err)
	}
	d := math.Sqrt(6. / 7 * 0.38)
	if !closeTo(got.C, 6./7, 1e-15) || !closeTo(got.T, 0.38, 1e-15) || !closeTo(got.D, d, 1e-15) || !got.CDefined || got.Grade != BarelyCoordinated {
		t.Errorf("got %+v, want C = 6/7, T = 0.38, D = %v (barely coordinated)", got, d)
	}
	eq, _ := CouplingDegree([]float64{0.6, 0.6}, nil)
	if eq.C != 1 || !closeTo(eq.D, math.Sqrt(0.6), 1e-15) {
		t.Errorf("equal subsystems: %+v, want C = 1, D = sqrt(0.6)", eq)
	}
	zero, err := CouplingDegree([]float64{0, 0}, nil)
	if err != nil || zero.CDefined || zero.C != 0 || zero.T != 0 || zero.D != 0 || zero.Grade != ExtremeDisorder {
		t.Errorf("all zero: %+v, %v; want C undefined, D = 0", zero, err)
	}
}
