# collab: build, test, run and lint. `make test` is what CI runs (.ci/run).
GO ?= go
STATICCHECK ?= honnef.co/go/tools/cmd/staticcheck@v0.8.2

.PHONY: build test run lint clean

build:
	$(GO) build -o bin/collab ./cmd/collab

# Every package's tests, with the race detector (the kernels run on all cores).
test:
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

# The whole study on the embedded Yangtze River Delta sample.
run:
	$(GO) run ./cmd/collab analyze

lint:
	@test -z "$$(gofmt -l .)" || { gofmt -l .; echo "gofmt would change the files above"; exit 1; }
	$(GO) vet ./...
	$(GO) run $(STATICCHECK) ./...

clean:
	rm -rf bin
