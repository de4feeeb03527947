package main

import (
	"bytes"
	"testing"
	"time"
)

// TestProgressClearedBeforeMessages: on a terminal, a message printed while
// the progress line shows starts on a cleared line, not after the stage's
// name (which gave "collab: patterncollab: wrote ..."), and finish clears
// only what is still shown.
func TestProgressClearedBeforeMessages(t *testing.T) {
	var term bytes.Buffer
	p := &progress{w: &term, tty: true, begun: time.Now().Add(-2 * quietFor)}
	p.update("pattern", 0, 0)
	say(&term, "wrote %s", "results/map.svg")
	p.update("write", 1, 2) // within the redraw interval: not drawn again
	say(&term, "done")
	p.finish()
	want := "\r\033[Kcollab: pattern\r\033[Kcollab: wrote results/map.svg\ncollab: done\n"
	if got := term.String(); got != want {
		t.Errorf("terminal got %q\nwant %q", got, want)
	}
	var plain bytes.Buffer
	q := &progress{w: &plain, tty: false, begun: time.Now().Add(-2 * quietFor)}
	q.update("pattern", 0, 0)
	say(&plain, "wrote x")
	q.finish()
	if got := plain.String(); got != "collab: wrote x\n" {
		t.Errorf("not a terminal: got %q, want the message alone", got)
	}
}
