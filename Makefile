# collab: build, test, run and lint. `make test` is what CI runs (.ci/run).
GO ?= go
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: build test run lint bench bench-go bench-peers fuzz fuzz-smoke clean

build:
	$(GO) build -o bin/collab ./cmd/collab

# Every package's tests, with the race detector (the kernels run on all cores).
test:
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

# Fuzzing: each target in turn for FUZZTIME (go test -fuzz runs one target
# at a time). Inputs that fail are written to the package's
# testdata/fuzz/<target>/, which make test then runs; new interesting inputs
# are minimised for at most 10 s so that fuzzing time goes to fuzzing.
FUZZTIME ?= 10m
FUZZ_TARGETS = data:FuzzReadJSON data:FuzzReadCSV data:FuzzReadGeoJSON cmd/collab:FuzzAnalyze spatial:FuzzDelaunay

fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t#*:}; \
		echo "== $$name (./$$pkg, $(FUZZTIME))"; \
		$(GO) test ./$$pkg -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 10s || exit 1; \
	done

# What CI runs after the tests: every target for a few seconds.
fuzz-smoke:
	$(MAKE) fuzz FUZZTIME=5s

# The whole study on the embedded Yangtze River Delta sample.
run:
	$(GO) run ./cmd/collab analyze

lint:
	@test -z "$$(gofmt -l .)" || { gofmt -l .; echo "gofmt would change the files above"; exit 1; }
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

# Go benchmarks of every kernel (graph, spatial, data, output), then the
# whole-process comparison with igraph, graph-tool, NetworkX and R spdep
# (bench/compare.py: needs the Debian packages it names). Figures go in
# docs/PERFORMANCE.md with the commands that produce them.
bench: bench-go bench-peers

bench-go:
	$(GO) test -run XXX -bench . -benchtime 3x ./...

bench-peers:
	/usr/bin/python3 bench/compare.py --sizes 1000,5000,20000 --runs 3

clean:
	rm -rf bin
