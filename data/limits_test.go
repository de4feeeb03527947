package data

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
	"unsafe"
)

// endless is a reader of a prefix followed by an unending run of one byte:
// a file of any size, made as it is read.
type endless struct {
	prefix io.Reader
	fill   byte
	read   int64
}

func (e *endless) Read(p []byte) (int, error) {
	n, err := e.prefix.Read(p)
	if err == io.EOF {
		for i := range p {
			p[i] = e.fill
		}
		n, err = len(p), nil
	}
	e.read += int64(n)
	return n, err
}

// TestEndlessCSV: a CSV record that never ends (here an unclosed quote) is
// reported once it passes the record limit, with the line it starts on,
// instead of being gathered until memory runs out. The limit is lowered to
// 1 MiB for the test; the README's catalogue runs the real one on a 1 GB
// file.
func TestEndlessCSV(t *testing.T) {
	const limit = 1 << 20
	src := &endless{prefix: strings.NewReader("id,lat,lon,score\na,1,2,3\n\"b,1,2,3\n"), fill: 'x'}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	table, err := newCSVTable("c.csv", bufio.NewReader(src))
	if err != nil || table.problems != nil {
		t.Fatal(err, table.problems)
	}
	table.limit.limit = limit
	for {
		if _, err := table.next(); err != nil {
			break
		}
	}
	runtime.ReadMemStats(&after)
	want := "c.csv:3: row 2: the record that starts here is over 1 MiB"
	if len(table.problems) != 1 || !strings.HasPrefix(table.problems[0].Error(), want) {
		t.Fatalf("problems %v, want %q", table.problems, want)
	}
	if src.read > limit+64<<10 {
		t.Errorf("read %d KiB before giving up", src.read>>10)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8*limit {
		t.Errorf("allocated %d MiB", alloc>>20)
	}
}

// TestTooLarge: a JSON file over MaxFileSize is refused before it is read
// (a sparse file: no disk is used), and a JSON document whose tree would
// exceed its budget is refused while the tree is built, whether its values
// are nodes or packed GeoJSON positions.
func TestTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileSize + 1); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := loadFile(path); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "big.json: file too large: 1073741825 bytes, over the 1024 MiB a JSON file may have (it is read whole)") {
		t.Errorf("sparse 1 GiB file: %v", err)
	}
	zeros := "[" + strings.Repeat("0,", 10000) + "0]"
	pairs := "[" + strings.Repeat("[1,2],", 10000) + "[1,2]]"
	for _, c := range []struct {
		src  string
		cost int
	}{{zeros, 10002 * nodeSize}, {pairs, nodeSize + 10001*positionSize}} {
		if _, err := parseTree([]byte(c.src), c.cost-1); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%.12s... within a budget 1 byte short: %v, want ErrTooLarge", c.src, err)
		}
		if root, err := parseTree([]byte(c.src), c.cost); err != nil || (len(root.items) != 10001 && len(root.ring.xy) != 10001) {
			t.Errorf("%.12s... within its budget: %v", c.src, err)
		}
	}
}

// TestDeepNesting: encoding/json's validation refuses nesting deeper than
// 10,000, so the recursive tree builder never sees it.
func TestDeepNesting(t *testing.T) {
	deep := strings.Repeat("[", 100000) + strings.Repeat("]", 100000)
	_, err := readBytes("deep.json", []byte(deep))
	if err == nil || !strings.Contains(err.Error(), "deep.json:1:10001: invalid JSON: invalid character '[' exceeded max depth") {
		t.Errorf("100,000 nested arrays: %v", err)
	}
	ok := strings.Repeat("[", 9999) + strings.Repeat("]", 9999)
	if _, err := parseTree([]byte(ok), maxTreeSize); err != nil {
		t.Errorf("9,999 nested arrays: %v", err)
	}
}

// TestNodeSize: the tree's budget counts a node at least at its size.
func TestNodeSize(t *testing.T) {
	if size := int(unsafe.Sizeof(node{})); size+8 > nodeSize {
		t.Errorf("a node takes %d bytes and a pointer 8; nodeSize is %d", size, nodeSize)
	}
}

// TestWithinOneEdit agrees with the Levenshtein distance on random
// strings over a small alphabet.
func TestWithinOneEdit(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]byte, rng.IntN(5))
		for i := range b {
			b[i] = "ab"[rng.IntN(2)]
		}
		return string(b)
	}
	for range 20000 {
		a, b := word(), word()
		if got, want := withinOneEdit(a, b), levenshtein(a, b) <= 1; got != want {
			t.Fatalf("withinOneEdit(%q, %q) = %v, distance %d", a, b, got, levenshtein(a, b))
		}
	}
}

// TestLinearTime: inputs that made a reader quadratic (before the fix,
// each case took from 28 s to over two minutes here) now read in a third
// of a second or less; the bound of 10 s fails only a return to quadratic
// time.
func TestLinearTime(t *testing.T) {
	const n = 100000
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("c%06d", i)
	}
	var wide, star, unknown, panel strings.Builder
	// A header of 200,000 columns, most of them ignored: each column's
	// position was found by a scan of the columns before it.
	wide.WriteString("id,lat,lon,score")
	for i := range 2 * n {
		fmt.Fprintf(&wide, ",x%d", i)
	}
	wide.WriteString("\na,1,2,3" + strings.Repeat(",", 2*n) + "\nb,1,3,3\nc,1,4,3\n")
	// A hub listing every city, and every city listing the hub: each check
	// of a one-sided listing scanned the other city's list.
	star.WriteString("id,lat,lon,score,neighbors\nhub,0,0,1," + strings.Join(ids, ";") + "\n")
	for i, id := range ids {
		fmt.Fprintf(&star, "%s,%g,%g,1,hub\n", id, float64(i%900)/10, float64(i/900)/10)
	}
	// 5,000 cities with ids of 1,000 characters, one listing 5,000
	// neighbours that are no city, each one edit from none: a near miss
	// was looked for among all ids, by an edit distance quadratic in their
	// length.
	long := func(s string, i int) string { return fmt.Sprintf("%s%s%05d", strings.Repeat("z", 1000), s, i) }
	unknown.WriteString("id,lat,lon,score,neighbors\n")
	for i := range 5000 {
		fmt.Fprintf(&unknown, "%s,%g,%g,1,", long("c", i), float64(i%900)/10, float64(i/900)/10)
		if i == 0 {
			for j := range 5000 {
				unknown.WriteString(long("u", j) + ";")
			}
		}
		unknown.WriteString("\n")
	}
	// GeoJSON features with 5,000 panel properties each: each property was
	// found by a scan of the feature's properties.
	var props []string
	for y := 1; y <= 5000; y++ {
		props = append(props, fmt.Sprintf(`"score_%04d": %d`, y, y))
	}
	feature := `{"type": "Feature", "properties": {"id": "%d", ` + strings.Join(props, ", ") + `}, "geometry": {"type": "Point", "coordinates": [1, %d]}}`
	var features []string
	for i := range 100 {
		features = append(features, fmt.Sprintf(feature, i, i%90))
	}
	panel.WriteString(collection(features...))
	for _, c := range []struct{ name, src string }{
		{"wide.csv", wide.String()}, {"star.csv", star.String()}, {"unknown.csv", unknown.String()}, {"panel.geojson", panel.String()},
	} {
		start := time.Now()
		readBytes(c.name, []byte(c.src))
		if took := time.Since(start); took > 10*time.Second {
			t.Errorf("%s (%d KB) took %v", c.name, len(c.src)>>10, took)
		} else {
			t.Logf("%s (%d KB): %v", c.name, len(c.src)>>10, took)
		}
	}
}

// TestReadsAtMostTheLimits: the count limits, which every format's dataset
// is checked against, and which the CSV reader checks as it goes.
func TestReadsAtMostTheLimits(t *testing.T) {
	for _, c := range []struct {
		cities, links, neighbors int
		want                     string
	}{
		{MaxCities, MaxLinks, MaxNeighbors, ""},
		{MaxCities + 1, 0, 0, "x.json: file too large: more than 1000000 cities; collab reads at most that many"},
		{3, MaxLinks + 1, 0, "x.json: file too large: more than 20000000 links"},
		{3, 0, MaxNeighbors + 1, "x.json: file too large: more than 20000000 neighbours in all"},
	} {
		err := checkCounts("x.json", c.cities, c.links, c.neighbors)
		if c.want == "" && err != nil || c.want != "" && (!errors.Is(err, ErrTooLarge) || !strings.HasPrefix(err.Error(), c.want)) {
			t.Errorf("%d cities, %d links, %d neighbours: %v, want %q", c.cities, c.links, c.neighbors, err, c.want)
		}
	}
	ds := &Dataset{Cities: []City{{Neighbors: []string{"b"}}, {Neighbors: []string{"a", "c"}}}, Links: make([]Link, 4)}
	if err := countsWithin("x.json", ds); err != nil {
		t.Error(err)
	}
}

// spaces is a stream of n bytes of JSON white space, read without
// allocating.
type spaces struct{ n int64 }

func (e *spaces) Read(p []byte) (int, error) {
	if e.n <= 0 {
		return 0, io.EOF
	}
	k := int(min(int64(len(p)), e.n))
	for i := range p[:k] {
		p[i] = ' '
	}
	e.n -= int64(k)
	return k, nil
}

// TestStreamRefusedWithBoundedMemory: a stream ten times the limit (as a
// JSON file of unknown size on standard input) is refused having
// allocated little more than the limit, not the doubling buffer's three
// or four times it; one within the limit is read whole.
func TestStreamRefusedWithBoundedMemory(t *testing.T) {
	const limit = 64 << 20
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := readBounded(&spaces{10 * limit}, 0, limit)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, errOverLimit) {
		t.Fatalf("a stream of 10 x the limit: %v, want errOverLimit", err)
	}
	if allocated := after.TotalAlloc - before.TotalAlloc; allocated > limit+2*readChunk {
		t.Errorf("allocated %d MiB to refuse a stream over %d MiB", allocated>>20, limit>>20)
	}
	for _, n := range []int64{0, 1, readChunk, readChunk + 1, 3*readChunk + 5, limit} {
		src, err := readBounded(&spaces{n}, 0, limit)
		if err != nil || int64(len(src)) != n {
			t.Errorf("a stream of %d bytes: %d read, %v", n, len(src), err)
		}
	}
}

// levenshtein is the Levenshtein distance between a and b, counted in bytes
// (field names are ASCII).
func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
