package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestConcurrentRunsIntoOneOut starts 20 collab processes at once, each
// with its own --beta (which changes every file they write), all with
// --out into one directory, after writing each run's files alone into a
// directory of its own. Afterwards every file of the shared directory is
// the file one run wrote alone, and all are from the same run, with no
// temporary file left: the runs took turns (output.Batch locks the
// directory). Without the lock, files of two runs were mixed in 3 of 10
// trials of 10 runs.
func TestConcurrentRunsIntoOneOut(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 40 processes")
	}
	bin := buildCollab(t)
	input := region(t, 150)
	const runs = 20
	beta := func(r int) string { return fmt.Sprintf("%.2f", 1.5+0.05*float64(r)) }
	alone := make([]map[string]string, runs)
	dirs := make([]string, runs)
	var each sync.WaitGroup
	for r := range runs {
		dirs[r] = filepath.Join(t.TempDir(), "alone")
		each.Add(1)
		go func() {
			defer each.Done()
			if out, err := exec.Command(bin, "analyze", input, "--beta", beta(r), "--out", dirs[r]).CombinedOutput(); err != nil {
				t.Errorf("run %d alone: %v\n%s", r, err, out)
			}
		}()
	}
	each.Wait()
	for r := range runs {
		alone[r] = contents(t, dirs[r])
	}
	shared := filepath.Join(t.TempDir(), "shared")
	var wg sync.WaitGroup
	stderrs := make([]bytes.Buffer, runs)
	for r := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cmd := exec.Command(bin, "analyze", input, "--beta", beta(r), "--out", shared)
			cmd.Stderr = &stderrs[r]
			if err := cmd.Run(); err != nil {
				t.Errorf("run %d: %v\n%s", r, err, stderrs[r].String())
			}
		}()
	}
	wg.Wait()
	got := contents(t, shared)
	if len(got) != len(outDir) {
		t.Fatalf("the shared directory holds %d files, want %d: %v", len(got), len(outDir), keys(got))
	}
	owner := map[string][]int{} // file -> the runs whose file it is
	for name, content := range got {
		for r := range runs {
			if alone[r][name] == content {
				owner[name] = append(owner[name], r)
			}
		}
	}
	common := owner["results.json"]
	for name, runs := range owner {
		common = intersect(common, runs)
		if len(runs) == 0 {
			t.Errorf("%s is the file of no single run", name)
		}
	}
	if len(common) == 0 {
		t.Errorf("the files come from different runs: %v", owner)
	}
	waited := 0
	for r := range runs {
		if strings.Contains(stderrs[r].String(), "waiting for another collab run writing into") {
			waited++
		}
	}
	t.Logf("%d of %d runs waited for another", waited, runs)
}

// contents maps each file of dir to its content.
func contents(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(b)
	}
	return files
}

func keys(m map[string]string) []string {
	var k []string
	for name := range m {
		k = append(k, name)
	}
	return sorted(k)
}

func intersect(a, b []int) []int {
	var out []int
	for _, x := range a {
		for _, y := range b {
			if x == y {
				out = append(out, x)
			}
		}
	}
	return out
}
