package analysis

import (
	"context"
	"errors"
	"testing"
	"time"
)

// errStopped is the cause of a cancelled study in TestCancelAtEveryStage.
var errStopped = errors.New("stopped by the test")

// TestCancelAtEveryStage cancels the study on the sample as each stage
// starts: Run returns the context's cause, no result, and promptly.
func TestCancelAtEveryStage(t *testing.T) {
	ds := sample(t)
	p := DefaultParameters()
	p.Permutations = 99999
	probe, _, _ := newStudy(context.Background(), ds, p)
	for _, st := range probe.stages() {
		t.Run(st.name, func(t *testing.T) {
			ctx, cancel := context.WithCancelCause(context.Background())
			defer cancel(nil)
			var at time.Time
			res, err := Run(ctx, ds, p, WithProgress(func(stage string, _, _ int) {
				if stage == st.name && at.IsZero() {
					at = time.Now()
					cancel(errStopped)
				}
			}))
			if res != nil || !errors.Is(err, errStopped) {
				t.Fatalf("cancelled at %s: result %v, error %v; want no result and the cause", st.name, res != nil, err)
			}
			if took := time.Since(at); took > 2*time.Second {
				t.Errorf("cancelled at %s: returned after %v", st.name, took)
			}
		})
	}
}
