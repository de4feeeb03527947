package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// interrupted is the cause of a run cancelled by a signal.
type interrupted struct{ sig os.Signal }

func (e interrupted) Error() string {
	switch e.sig {
	case os.Interrupt:
		return "interrupted (SIGINT)"
	case syscall.SIGTERM:
		return "terminated (SIGTERM)"
	case syscall.SIGHUP:
		return "hung up (SIGHUP)"
	}
	return "stopped by " + e.sig.String()
}

// exitCode is 128 plus the signal's number, as a shell reports a process
// that the signal ended: 130 for SIGINT (Ctrl-C), 143 for SIGTERM, 129 for
// SIGHUP.
func (e interrupted) exitCode() int {
	if s, ok := e.sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 128 + int(syscall.SIGINT)
}

// notifySignals returns a context that the first SIGINT, SIGTERM or SIGHUP
// (the terminal closed) cancels, with an interrupted cause: the study stops at its next check
// and any output being written is discarded, so that the files of an
// earlier run stay as they were. A second signal ends the process at
// once, as if collab did not catch signals. A signal the process was
// started with ignored (SIGINT for a background job of a script, or under
// nohup) stays ignored. stop releases the signals.
func notifySignals() (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	signals := make(chan os.Signal, 1)
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP} {
		if !signal.Ignored(sig) {
			signal.Notify(signals, sig)
		}
	}
	go func() {
		select {
		case sig := <-signals:
			cancel(interrupted{sig})
			signal.Stop(signals)
		case <-ctx.Done():
		}
	}()
	return ctx, func() {
		signal.Stop(signals)
		cancel(nil)
	}
}
