package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// libraries are the packages that must speak of parameters, never of the
// command line's flags.
var libraries = []string{"data", "graph", "spatial", "analysis", "output", "geom", "param", "composite", "dynamics", "regression", "gazetteer", "spell", "internal/crossprod", "internal/parallel"}

// flagInString matches a --flag name in a string.
var flagInString = regexp.MustCompile(`(^|[^-\w])--[a-z][a-z-]*`)

// TestLibrariesNameNoFlags parses every non-test source file of the
// library packages and fails on a string literal that names a --flag:
// their messages name parameters (param.Name), and the command line spells
// them as flags.
func TestLibrariesNameNoFlags(t *testing.T) {
	for _, pkg := range libraries {
		files, _ := filepath.Glob(filepath.Join("..", "..", pkg, "*.go"))
		for _, path := range files {
			if strings.HasSuffix(path, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && flagInString.MatchString(lit.Value) {
					t.Errorf("%s: the string %s names a flag; name the parameter (param.Name) instead", path, lit.Value)
				}
				return true
			})
		}
	}
}

// TestDependenciesPointOneWay: data imports neither graph nor spatial, the
// kernels import no analysis, output or data, and geom and param import no
// other collab package (go list -deps).
func TestDependenciesPointOneWay(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list dependencies with:", err)
	}
	forbidden := map[string][]string{
		"data":    {"collab/graph", "collab/spatial", "collab/analysis", "collab/output", "collab/gazetteer"},
		"graph":   {"collab/data", "collab/spatial", "collab/analysis", "collab/output"},
		"spatial": {"collab/data", "collab/graph", "collab/analysis", "collab/output"},
		"geom":    {"collab/data", "collab/graph", "collab/spatial", "collab/analysis", "collab/output", "collab/param"},
		"param":   {"collab/data", "collab/graph", "collab/spatial", "collab/analysis", "collab/output", "collab/geom"},
		// gazetteer: geom, param and the standard library; data places
		// cities through data.Placer, which cmd fills from it.
		"spell":     {"collab/data", "collab/graph", "collab/spatial", "collab/analysis", "collab/output", "collab/geom", "collab/param", "collab/gazetteer", "collab/composite"},
		"gazetteer": {"collab/data", "collab/graph", "collab/spatial", "collab/analysis", "collab/output", "collab/composite", "collab/dynamics", "collab/regression"},
		// crossprod: internal/parallel and the standard library, x/sys/cpu.
		"internal/crossprod": {"collab/data", "collab/graph", "collab/spatial", "collab/analysis", "collab/output", "collab/geom", "collab/param", "collab/composite", "collab/dynamics", "collab/regression"},
	}
	for pkg, banned := range forbidden {
		cmd := exec.Command(goTool, "list", "-deps", "collab/"+pkg)
		cmd.Dir = filepath.Join("..", "..")
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list -deps collab/%s: %v", pkg, err)
		}
		deps := strings.Fields(string(out))
		for _, b := range banned {
			for _, d := range deps {
				if d == b {
					t.Errorf("collab/%s depends on %s", pkg, b)
				}
			}
		}
	}
}
