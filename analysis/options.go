package analysis

// An Option says how a study runs, not what it finds: no option changes a
// result.
type Option func(*options)

type options struct {
	progress func(stage string, done, total int)
}

// WithProgress has Run tell f when each stage starts (done and total 0)
// and how far the long ones have got. f is called from one goroutine at a
// time.
func WithProgress(f func(stage string, done, total int)) Option {
	return func(o *options) { o.progress = f }
}

func (o options) report(stage string, done, total int) {
	if o.progress != nil {
		o.progress(stage, done, total)
	}
}
