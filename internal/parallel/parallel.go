// Package parallel runs independent loop iterations on all cores. Callers
// keep results deterministic by writing each iteration's output only to
// state owned by that iteration (For), or by summing fixed blocks of work
// in block order (Blocks).
package parallel

import (
	"context"
	"runtime"
	"sync"
)

// For calls f(i) for every i in [0, n) on GOMAXPROCS goroutines and returns
// when all calls have. f must write only to state owned by i. When ctx is
// done no new call starts, and For returns ctx's error after the running
// ones finish: each call should be a small part of the work (a row, a
// block) so that cancellation is prompt.
func For(ctx context.Context, n int, f func(i int)) error {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := range n {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			f(i)
		}
		return ctx.Err()
	}
	var wg sync.WaitGroup
	next := make(chan int, workers)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
feed:
	for i := range n {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	return ctx.Err()
}

// Blocks runs work(b, acc) for every block b in [0, blocks) on all cores,
// each into an accumulator, and hands the accumulators to merge in block
// order, so that sums merged in merge come out the same bit for bit on any
// number of cores. Accumulators come from a pool of two per core, made by
// newAcc and reused: work must overwrite or clear what it fills. Block b
// always gets its accumulator before block b+1, so merge never waits on a
// block that cannot start. When ctx is done no new block starts, and Blocks
// returns ctx's error after the running ones finish.
func Blocks[A any](ctx context.Context, blocks int, newAcc func() A, work func(b int, acc A), merge func(b int, acc A)) error {
	if blocks <= 0 {
		return ctx.Err()
	}
	workers := min(runtime.GOMAXPROCS(0), blocks)
	type job struct {
		block int
		acc   A
	}
	free := make(chan A, 2*workers)
	for range 2 * workers {
		free <- newAcc()
	}
	jobs := make(chan job)
	done := make(chan job, 2*workers)
	go func() {
		defer close(jobs)
		for b := range blocks {
			var acc A
			select {
			case acc = <-free:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{b, acc}:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				work(j.block, j.acc)
				done <- j
			}
		}()
	}
	go func() { wg.Wait(); close(done) }()
	pending := map[int]A{}
	for next := 0; ; {
		j, ok := <-done
		if !ok {
			break
		}
		pending[j.block] = j.acc
		for acc, ok := pending[next]; ok; acc, ok = pending[next] {
			merge(next, acc)
			delete(pending, next)
			free <- acc
			next++
		}
	}
	return ctx.Err()
}
