package output

import (
	"bytes"
	"strings"
	"testing"
)

func TestDisplayWidth(t *testing.T) {
	for s, want := range map[string]int{
		"Suzhou":   6,
		"苏州":       4, // two wide characters
		"Ｓｈ":       4, // full-width Latin
		"é":        1, // e + combining acute accent
		"a\u200fb": 2, // right-to-left mark takes no cell
		"":         0,
	} {
		if got := displayWidth(s); got != want {
			t.Errorf("displayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestTableAlignsCJK checks that a column after Chinese names starts at the
// same terminal cell on every row.
func TestTableAlignsCJK(t *testing.T) {
	tb := newTable("City", "Score").alignRight(1)
	tb.add("苏州", "572.29")
	tb.add("Suzhou (Anhui)", "9.1")
	var b bytes.Buffer
	tb.write(&b, 0, 0)
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	want := []string{
		"City             Score",
		"苏州            572.29",
		"Suzhou (Anhui)     9.1",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("table:\n%s\nwant:\n%s", b.String(), strings.Join(want, "\n"))
	}
	for _, l := range lines {
		if displayWidth(l) != 22 {
			t.Errorf("line %q is %d cells wide, want 22", l, displayWidth(l))
		}
	}
}

func TestTableDropsColumnsToFit(t *testing.T) {
	tb := newTable("a", "b", "ccccc", "ddddd")
	tb.add("1", "2", "3", "4")
	var b bytes.Buffer
	if !tb.write(&b, 0, 12) {
		t.Error("write reported no dropped columns")
	}
	if strings.Contains(b.String(), "ddddd") || !strings.Contains(b.String(), "ccccc") {
		t.Errorf("table fitted to 12 cells:\n%s", b.String())
	}
}

func TestWrapList(t *testing.T) {
	var b bytes.Buffer
	wrapList(&b, "  tier", 8, []string{"Shanghai", "Hangzhou", "Nanjing", "Suzhou"}, 30)
	want := "  tier  Shanghai, Hangzhou,\n        Nanjing, Suzhou\n"
	if b.String() != want {
		t.Errorf("wrapList:\n%q\nwant\n%q", b.String(), want)
	}
}

func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"Hangzhou":          "Hangzhou",
		"苏州":                "苏州",
		"two\nlines":        `two\nlines`,
		"tab\there":         `tab\there`,
		"evil\u202egnp.exe": `evil\u202egnp.exe`,
		`Q"uote\ <b>&`:      `Q"uote\ <b>&`,
		"bell\a":            `bell\a`,
	} {
		if got := Printable(in); got != want {
			t.Errorf("Printable(%q) = %q, want %q", in, got, want)
		}
	}
}
