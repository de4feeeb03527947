package spatial

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"
)

// threadCPU is the CPU time of the calling OS thread (RUSAGE_THREAD), which
// other processes on a loaded machine do not inflate as they do wall time.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	const rusageThread = 1
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestDecayKernelTiming prints the CPU time per pair of fastRow and the
// table, interleaved, medians of 5 runs of 200 rows of 20,000 pairs. It
// measures rather than checks, so it runs only with COLLAB_KERNEL_TIMING=1.
func TestDecayKernelTiming(t *testing.T) {
	if os.Getenv("COLLAB_KERNEL_TIMING") == "" {
		t.Skip("timing only: set COLLAB_KERNEL_TIMING=1")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	lat, lon, s := generatedRegion(20_000, 1, 1)
	tree := newSpillTree(newKDTree(pts(lat, lon)), s, DefaultDecay, DefaultPotentialTolerance)
	f := make([]float64, len(tree.p))
	const rows = 200
	perPair := func(row func(p [3]float64)) float64 {
		start := threadCPU()
		for k := range rows {
			row(tree.p[k*97%len(tree.p)])
		}
		return float64(threadCPU()-start) / rows / float64(len(f))
	}
	for _, d := range []Decay{{"exp", 100}, {"exp", 10}, {"exp", 500}, {"power", 1}, {"power", 2}, {"power", 3}, {"power", 4}} {
		table := newDecayTable(d, maxChord(tree.p))
		var old, new []float64
		for range 5 {
			old = append(old, perPair(func(p [3]float64) { d.fastRow(f, p, tree.p) }))
			new = append(new, perPair(func(p [3]float64) { table.row(f, p, tree.p) }))
		}
		slices.Sort(old)
		slices.Sort(new)
		t.Logf("%-9v fastRow %5.2f ns/pair, table %5.2f ns/pair (%d+%d intervals): %.2fx", d, old[2], new[2], len(table.far.coef), len(table.near.coef), old[2]/new[2])
	}
	fmt.Print()
}
