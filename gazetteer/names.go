package gazetteer

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"collab/spell"
)

// Chinese suffixes of prefecture-level names, longest first: a name is
// found with or without them.
var chineseSuffixes = []string{"特别行政区", "自治州", "地区", "盟", "市"}

// ethnicGroups are the peoples that name China's autonomous prefectures
// (延边朝鲜族自治州, 博尔塔拉蒙古自治州): their names, each optionally
// followed by 族, are dropped from the end of a name for its short form
// (延边, 博尔塔拉), the one people use.
var ethnicGroups = []string{"朝鲜", "土家", "布依", "哈尼", "景颇", "傈僳", "蒙古", "柯尔克孜", "哈萨克",
	"苗", "藏", "羌", "彝", "侗", "壮", "傣", "白", "回"}

// chineseForms lists the names a city is found by in Chinese: the
// official name, without its suffix, and for an autonomous prefecture its
// short form alone and with 州 (延边, 延边州).
func chineseForms(c City) []string {
	forms := []string{c.NameZH}
	base := stripSuffix(c.NameZH)
	forms = append(forms, base)
	if strings.HasSuffix(c.NameZH, "自治州") {
		short := stripEthnic(base)
		forms = append(forms, short, short+"州")
	}
	if strings.HasSuffix(c.ProvinceZH, "特别行政区") {
		forms = append(forms, c.ProvinceZH)
	}
	slices.Sort(forms)
	return slices.Compact(forms)
}

// stripSuffix drops one administrative suffix from a Chinese name, so
// long as two characters remain.
func stripSuffix(name string) string {
	for _, s := range chineseSuffixes {
		if base, ok := strings.CutSuffix(name, s); ok && len([]rune(base)) >= 2 {
			return base
		}
	}
	return name
}

// stripEthnic drops the peoples' names from the end of an autonomous
// prefecture's name, so long as two characters remain.
func stripEthnic(name string) string {
	for {
		shorter := name
		for _, e := range ethnicGroups {
			base, ok := strings.CutSuffix(strings.TrimSuffix(name, "族"), e)
			if ok && len([]rune(base)) >= 2 {
				shorter = base
				break
			}
		}
		if shorter == name {
			return name
		}
		name = shorter
	}
}

// latinKey is the form English names are compared in: lower case, letters
// and digits only, without a final "city" ("Hong Kong", "hongkong" and
// "HONG KONG City" are one key; "Huai'an" is "huaian").
func latinKey(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	key := b.String()
	if base, ok := strings.CutSuffix(key, "city"); ok && base != "" {
		return base
	}
	return key
}

// englishVariants are other spellings in common use of the English names.
var englishVariants = map[string][]string{"Macao": {"Macau"}}

// hasHan says whether s contains a Chinese character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// indexNames maps every form of every name to its cities.
func (g *Gazetteer) indexNames() {
	add := func(key string, i int) {
		if key != "" && !slices.Contains(g.byName[key], i) {
			g.byName[key] = append(g.byName[key], i)
		}
	}
	for i, c := range g.cities {
		for _, f := range chineseForms(c) {
			add(f, i)
		}
		if c.Name != "" {
			add(latinKey(c.Name), i)
			for _, v := range englishVariants[c.Name] {
				add(latinKey(v), i)
			}
		}
	}
}

// key is the index key of a name as a user writes it.
func key(name string) string {
	name = strings.TrimSpace(name)
	if hasHan(name) {
		return strings.Join(strings.Fields(name), "")
	}
	return latinKey(name)
}

// Lookup finds the city a user's text names: an adcode ("440100"), a
// Chinese name with or without its suffix (广州市, 广州; 延边朝鲜族自治州,
// 延边州, 延边), or an English name where the gazetteer knows one, case
// aside, with or without "City" (Guangzhou, "guangzhou city"). A province
// after the name tells apart cities of one name: "Suzhou (Jiangsu)",
// "Suzhou, Jiangsu" or "Suzhou, 江苏". A name of several cities is an
// *AmbiguousError listing them; a text that names none an *UnknownError
// with the nearest names. O(number of names) for an unknown name (the
// suggestions), O(1) otherwise.
func (g *Gazetteer) Lookup(text string) (City, error) {
	return g.lookup(text, true)
}

// LookupExact is Lookup without the search for the nearest names of an
// unknown one, which costs O(number of names): for callers that look up
// many names that may all be unknown (a table of cities outside China).
func (g *Gazetteer) LookupExact(text string) (City, error) {
	return g.lookup(text, false)
}

func (g *Gazetteer) lookup(text string, suggest bool) (City, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return City{}, &UnknownError{Query: text}
	}
	if isDigits(text) {
		return g.lookupAdcode(text)
	}
	name, province := splitProvince(text)
	found := g.byName[key(name)]
	if province != "" {
		found = g.inProvince(found, province)
	}
	switch len(found) {
	case 1:
		return g.cities[found[0]], nil
	case 0:
		return City{}, g.unknown(text, name, province, suggest)
	}
	return City{}, &AmbiguousError{Query: text, Candidates: g.citiesAt(found)}
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// lookupAdcode finds a prefecture by its code; a county's code
// (320505) suggests its prefecture (320500).
func (g *Gazetteer) lookupAdcode(code string) (City, error) {
	if c, ok := g.ByAdcode(code); ok {
		return c, nil
	}
	e := &UnknownError{Query: code, Adcode: true}
	if len(code) == 6 {
		if c, ok := g.ByAdcode(code[:4] + "00"); ok {
			e.Suggestions = []City{c}
		}
	}
	return City{}, e
}

// splitProvince separates a province written after a name: "Suzhou
// (Jiangsu)", "Suzhou, Jiangsu", "苏州（江苏）".
func splitProvince(text string) (name, province string) {
	for _, p := range [][2]string{{"(", ")"}, {"（", "）"}} {
		if open := strings.LastIndex(text, p[0]); open > 0 && strings.HasSuffix(text, p[1]) {
			return strings.TrimSpace(text[:open]), strings.TrimSpace(strings.TrimSuffix(text[open+len(p[0]):], p[1]))
		}
	}
	for _, comma := range []string{",", "，"} {
		if i := strings.LastIndex(text, comma); i > 0 {
			return strings.TrimSpace(text[:i]), strings.TrimSpace(text[i+len(comma):])
		}
	}
	return text, ""
}

// inProvince keeps the cities of found in the province written, in
// English or in Chinese with or without its suffix (江苏省, 江苏).
func (g *Gazetteer) inProvince(found []int, province string) []int {
	var kept []int
	for _, i := range found {
		c := g.cities[i]
		if provinceKey(province) == provinceKey(c.Province) || province == c.ProvinceZH || strings.HasPrefix(c.ProvinceZH, province) && hasHan(province) {
			kept = append(kept, i)
		}
	}
	return kept
}

// provinceKey is the form English province names are compared in: as
// latinKey, without a final "Province", "SAR", "Municipality" or
// "Autonomous Region" ("Hong Kong" is "Hong Kong SAR").
func provinceKey(name string) string {
	k := latinKey(name)
	for _, suffix := range []string{"province", "sar", "municipality", "autonomousregion"} {
		if base, ok := strings.CutSuffix(k, suffix); ok && base != "" {
			return base
		}
	}
	return k
}

func (g *Gazetteer) citiesAt(indices []int) []City {
	out := make([]City, len(indices))
	for k, i := range indices {
		out[k] = g.cities[i]
	}
	slices.SortFunc(out, func(a, b City) int { return strings.Compare(a.Adcode, b.Adcode) })
	return out
}

// unknown is the error for a text that names no city: the cities of the
// name in other provinces when a province was written, else the names
// nearest in spelling.
func (g *Gazetteer) unknown(text, name, province string, suggest bool) error {
	e := &UnknownError{Query: text}
	if province != "" {
		if others := g.byName[key(name)]; len(others) > 0 {
			e.Name, e.Province = name, province
			e.Suggestions = g.citiesAt(others)
			return e
		}
	}
	if suggest {
		e.Suggestions, e.Distance = g.nearest(key(name))
	}
	e.Latin = !hasHan(name)
	return e
}

// nearest returns the cities whose names are fewest edits from k, within
// a third of its length (at least one edit), in the same script, and that
// number of edits.
func (g *Gazetteer) nearest(k string) ([]City, int) {
	limit := max(1, len([]rune(k))/3)
	best, found := limit+1, map[int]bool{}
	han := hasHan(k)
	for name, cities := range g.byName {
		if hasHan(name) != han {
			continue
		}
		d := spell.Distance(k, name)
		if d > best {
			continue
		}
		if d < best {
			best, found = d, map[int]bool{}
		}
		for _, i := range cities {
			found[i] = true
		}
	}
	indices := make([]int, 0, len(found))
	for i := range found {
		indices = append(indices, i)
	}
	return g.citiesAt(indices), best
}

// AmbiguousError is a name that several cities bear (Suzhou, Taizhou).
type AmbiguousError struct {
	Query      string
	Candidates []City // ordered by adcode
}

func (e *AmbiguousError) Error() string {
	labels := make([]string, len(e.Candidates))
	for i, c := range e.Candidates {
		labels[i] = c.Label()
	}
	c := e.Candidates[0]
	return fmt.Sprintf("%q names %d cities: %s; write the province after the name (%q), the Chinese name or the adcode",
		e.Query, len(e.Candidates), orList(labels), strings.TrimSpace(e.Query)+", "+c.Province)
}

// UnknownError is a text that names no city of the gazetteer.
type UnknownError struct {
	Query string
	// Suggestions are the cities whose names are nearest the text's, or,
	// when Province is set, the cities of the name in other provinces.
	Suggestions []City
	Name        string // the name written before Province
	Province    string
	Distance    int  // the edits from the text to the names suggested
	Adcode      bool // the text is a number that is no prefecture's adcode
	Latin       bool // the text is in Latin letters
}

func (e *UnknownError) Error() string {
	var s string
	switch {
	case e.Query == "":
		return "no name or adcode to find the city by"
	case e.Province != "":
		s = fmt.Sprintf("no city %q in the province %q", e.Name, e.Province)
	case e.Adcode:
		s = fmt.Sprintf("%q is not the adcode of a prefecture-level city of China", e.Query)
	default:
		s = fmt.Sprintf("%q is not the name of a prefecture-level city of China", e.Query)
	}
	if len(e.Suggestions) > 0 {
		labels := make([]string, len(e.Suggestions))
		for i, c := range e.Suggestions {
			labels[i] = c.Label()
		}
		s += " (did you mean " + orList(labels) + "?)"
	}
	if e.Latin && (len(e.Suggestions) == 0 || e.Distance > 1) {
		s += "; English names are known only for the cities of the named regions: give the Chinese name or the adcode"
	}
	return s
}

// orList joins items as "a, b or c".
func orList(items []string) string {
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}
