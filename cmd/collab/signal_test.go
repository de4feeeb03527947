package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildCollab builds the command into a temporary directory and returns
// its path.
func buildCollab(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build collab with:", err)
	}
	bin := filepath.Join(t.TempDir(), "collab")
	if out, err := exec.Command(goTool, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// TestInterruptKeepsOutputs runs collab analyze --out DIR as a process on
// a region of 2,000 cities with 99,999 permutations (minutes of work), over
// the files of an earlier run, and stops it after half a second with
// SIGINT, then SIGTERM: it exits 130 (143), saying so; every earlier file
// is byte for byte as it was; no temporary file is left; the input is
// unchanged; and it stops within 2 s of the signal.
func TestInterruptKeepsOutputs(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send on Windows")
	}
	bin := buildCollab(t)
	// A child inherits a signal its parent ignores (a test binary run as a
	// background job of a script), and collab leaves such a signal
	// ignored; while the test handles the signals, the children start
	// with their defaults.
	held := make(chan os.Signal, 1)
	signal.Notify(held, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(held)
	input := region(t, 2000)
	inputBefore, _ := os.ReadFile(input)
	inputInfo, _ := os.Stat(input)
	dir := filepath.Join(t.TempDir(), "results")
	os.Mkdir(dir, 0o755)
	earlier := map[string]string{}
	for _, name := range outDirNames() {
		earlier[name] = "an earlier run's " + name + "\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(earlier[name]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		sig  syscall.Signal
		code int
		says string
	}{
		{syscall.SIGINT, 130, "collab: interrupted (SIGINT); no output file was written or changed\n"},
		{syscall.SIGTERM, 143, "collab: terminated (SIGTERM); no output file was written or changed\n"},
		{syscall.SIGHUP, 129, "collab: hung up (SIGHUP); no output file was written or changed\n"},
	} {
		cmd := exec.Command(bin, "analyze", input, "--out", dir, "--permutations", "99999")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(500 * time.Millisecond)
		sent := time.Now()
		cmd.Process.Signal(c.sig)
		err := cmd.Wait()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != c.code {
			t.Errorf("%v: %v, want exit code %d\nstderr: %s", c.sig, err, c.code, stderr.String())
		}
		if !strings.HasSuffix(stderr.String(), c.says) || stdout.Len() > 0 {
			t.Errorf("%v: stdout %q, stderr %q; want nothing and %q", c.sig, stdout.String(), stderr.String(), c.says)
		}
		if took := time.Since(sent); took > 2*time.Second {
			t.Errorf("%v: stopped %v after the signal, want within 2 s", c.sig, took.Round(time.Millisecond))
		}
		entries, _ := os.ReadDir(dir)
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
			if got, _ := os.ReadFile(filepath.Join(dir, e.Name())); string(got) != earlier[e.Name()] {
				t.Errorf("%v: %s is now %.40q", c.sig, e.Name(), got)
			}
		}
		if want := outDirNames(); !slices.Equal(names, sorted(want)) {
			t.Errorf("%v: the directory holds %v, want %v", c.sig, names, want)
		}
	}
	after, _ := os.ReadFile(input)
	afterInfo, _ := os.Stat(input)
	if !bytes.Equal(after, inputBefore) || !afterInfo.ModTime().Equal(inputInfo.ModTime()) {
		t.Error("the input changed")
	}
}

func sorted(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return s
}

// TestOnlyOutputWritesFiles: the one place that creates, replaces or
// removes files is output/file.go (temporary files renamed over the
// outputs), which refuses any path that is an input; every other package
// opens files read-only. A call added elsewhere fails this test.
func TestOnlyOutputWritesFiles(t *testing.T) {
	writers := []string{"os.Create(", "os.OpenFile(", "os.WriteFile(", "os.CreateTemp(", "os.Rename(", "os.Remove(", "os.RemoveAll(", "os.Truncate(", "os.Chmod("}
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		for _, w := range writers {
			if bytes.Contains(src, []byte(w)) && rel != filepath.Join("output", "file.go") {
				t.Errorf("%s calls %s; files are written only through output.WriteFiles", rel, strings.TrimSuffix(w, "("))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
