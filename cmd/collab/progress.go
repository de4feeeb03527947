package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/term"
)

// progress follows a study's stages: on a terminal it shows how far a long
// run has got (after the first second, so short runs stay quiet), and it
// keeps each stage's wall time for --timings.
type progress struct {
	w          io.Writer
	tty        bool
	begun      time.Time // the run
	stage      string
	stageBegun time.Time
	timings    []stageTime
	drawn      time.Time // the last line drawn; zero when none is shown
}

type stageTime struct {
	stage   string
	elapsed time.Duration
}

// quietFor is how long a run goes before progress is shown, and redraw how
// often the line may change.
const (
	quietFor = time.Second
	redraw   = 100 * time.Millisecond
)

func newProgress(stderr io.Writer) *progress {
	f, ok := stderr.(*os.File)
	return &progress{w: stderr, tty: ok && term.IsTerminal(int(f.Fd())), begun: time.Now()}
}

// update is the study's progress callback.
func (p *progress) update(stage string, done, total int) {
	now := time.Now()
	if stage != p.stage {
		p.endStage(now)
		p.stage, p.stageBegun = stage, now
	}
	if !p.tty || now.Sub(p.begun) < quietFor || now.Sub(p.drawn) < redraw {
		return
	}
	line := "collab: " + stage
	if total > 0 {
		line += fmt.Sprintf(" %3d%% (%d of %d)", 100*done/total, done, total)
	}
	fmt.Fprintf(p.w, "\r\033[K%s", line)
	p.drawn = now
	onScreen.set(p.w, true)
}

// onScreen records the writers a progress line is showing on, so that say
// (and the report) can clear it first: otherwise a message would continue
// the line ("collab: patterncollab: wrote ...").
var onScreen = progressLines{shown: map[io.Writer]bool{}}

type progressLines struct {
	mu    sync.Mutex
	shown map[io.Writer]bool
}

func (l *progressLines) set(w io.Writer, shown bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if shown {
		l.shown[w] = true
	} else {
		delete(l.shown, w)
	}
}

// clear erases the progress line on w, if one is shown.
func (l *progressLines) clear(w io.Writer) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.shown[w] {
		fmt.Fprint(w, "\r\033[K")
		delete(l.shown, w)
	}
}

// clear erases the progress line before something else is printed; the
// next update draws it again.
func (p *progress) clear() { onScreen.clear(p.w) }

func (p *progress) endStage(now time.Time) {
	if p.stage != "" {
		p.timings = append(p.timings, stageTime{p.stage, now.Sub(p.stageBegun)})
	}
}

// finish ends the last stage and clears the progress line.
func (p *progress) finish() {
	p.endStage(time.Now())
	p.stage = ""
	p.clear()
	p.drawn = time.Time{}
}

// report prints each stage's wall time and the total, for --timings.
func (p *progress) report() {
	for _, t := range p.timings {
		fmt.Fprintf(p.w, "collab: timing %s %.3fs\n", t.stage, t.elapsed.Seconds())
	}
	fmt.Fprintf(p.w, "collab: timing total %.3fs\n", time.Since(p.begun).Seconds())
}
