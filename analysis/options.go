package analysis

import (
	"context"

	"collab/data"
)

// Options say how a study runs, not what it finds: no option changes a
// result.
type Options struct {
	// Context cancels the study between stages and inside the long ones;
	// nil never does.
	Context context.Context
	// Progress, when set, is told when each stage starts (done and total
	// 0) and how far the long ones have got.
	Progress func(stage string, done, total int)
}

// RunWith is Run with options: cancellation and progress. A cancelled
// study returns context.Cause of its context (for instance, which signal
// stopped it).
func RunWith(ds *data.Dataset, source string, p Parameters, o Options) (*Result, error) {
	s, res, err := newStudy(ds, source, p)
	if err != nil {
		return nil, err
	}
	s.o = o
	return s.run(res, s.stages())
}

func (o Options) context() context.Context {
	if o.Context == nil {
		return context.Background()
	}
	return o.Context
}

func (o Options) progress(stage string, done, total int) {
	if o.Progress != nil {
		o.Progress(stage, done, total)
	}
}
