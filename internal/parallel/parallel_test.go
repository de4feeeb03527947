package parallel

import (
	"context"
	"math"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

func TestForVisitsEachIndexOnce(t *testing.T) {
	for _, procs := range []int{1, 4} {
		prev := runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 7, 1000} {
			seen := make([]int, n)
			if err := For(context.Background(), n, func(i int) { seen[i]++ }); err != nil {
				t.Fatal(err)
			}
			for i, c := range seen {
				if c != 1 {
					t.Errorf("GOMAXPROCS %d, n %d: index %d visited %d times", procs, n, i, c)
				}
			}
		}
		runtime.GOMAXPROCS(prev)
	}
}

// TestBlocksMergesInOrder sums floats whose sum depends on the order of
// addition and checks the same bits on one core and eight, and that every
// block is merged once, in order.
func TestBlocksMergesInOrder(t *testing.T) {
	sum := func(procs int) (float64, []int) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var total float64
		var order []int
		err := Blocks(context.Background(), 100, func() *float64 { return new(float64) },
			func(b int, acc *float64) { *acc = 1 / float64(b+1) * 1e-3 * float64(b*b) },
			func(b int, acc *float64) { total += *acc; order = append(order, b) })
		if err != nil {
			t.Fatal(err)
		}
		return total, order
	}
	one, order := sum(1)
	eight, _ := sum(8)
	if math.Float64bits(one) != math.Float64bits(eight) {
		t.Errorf("sums differ: %v on one core, %v on eight", one, eight)
	}
	for i, b := range order {
		if i != b {
			t.Fatalf("merge order %v", order)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Blocks(ctx, 10, func() int { return 0 }, func(int, int) {}, func(int, int) {}); err == nil {
		t.Error("a cancelled context gave no error")
	}
}

// TestForStopsWhenCancelled: a loop of a million slow iterations, its
// context cancelled after 20 ms, returns the context's error within a
// second, having run only a small part of the loop.
func TestForStopsWhenCancelled(t *testing.T) {
	for _, procs := range []int{1, 2} {
		prev := runtime.GOMAXPROCS(procs)
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
		var calls atomic.Int64
		begun := time.Now()
		err := For(ctx, 1_000_000, func(int) { calls.Add(1); time.Sleep(100 * time.Microsecond) })
		cancel()
		runtime.GOMAXPROCS(prev)
		if err != context.DeadlineExceeded || time.Since(begun) > time.Second || calls.Load() > 100_000 {
			t.Errorf("GOMAXPROCS %d: %v after %v and %d calls; want the deadline within 1 s", procs, err, time.Since(begun), calls.Load())
		}
	}
}
