//go:build unix

package output

import (
	"context"
	"errors"
	"os"
	"syscall"
	"time"
)

// lockDir takes an exclusive flock on the directory itself (no lock file
// is left behind), waiting while another process holds it. A directory
// that cannot be opened or locked (a file system without flock) is not
// locked: the batch is written as before locks existed.
func lockDir(ctx context.Context, dir string, waiting func(string)) (unlock func(), err error) {
	d, err := os.Open(dir)
	if err != nil {
		return func() {}, nil // prepare reports the missing directory with the file's name
	}
	fd := int(d.Fd())
	for told := false; ; {
		err := syscall.Flock(fd, syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return func() { syscall.Flock(fd, syscall.LOCK_UN); d.Close() }, nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			d.Close()
			return func() {}, nil
		}
		if !told && waiting != nil {
			waiting(dir)
			told = true
		}
		select {
		case <-ctx.Done():
			d.Close()
			return nil, context.Cause(ctx)
		case <-time.After(lockPoll):
		}
	}
}
