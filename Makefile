# citygate — build, run, test. `make test` is the one test command (CI runs it).
GO      ?= go
BIN     ?= bin/citygate
PKGS    ?= ./...
FUZZTIME ?= 60s
# The example inventories are dated relative to this evaluation date, as in the tests.
AS_OF   ?= 2026-11-23

.PHONY: build run test cross rego-test lint vet bench fuzz mutate docs clean

build:
	$(GO) build -o $(BIN) ./cmd/citygate

# The main job: the built-in policies on the bundled example city and vendor bid.
# citygate exits 1 because the examples carry findings on purpose; that is
# the expected outcome here, while exit 2 (an error) fails the target.
run: build
	./$(BIN) check fixtures/city fixtures/bid --as-of $(AS_OF) || [ $$? -eq 1 ]

test: vet rego-test cross
	$(GO) test -race -count=1 $(PKGS)

# Every platform citygate ships for must build, whatever this machine is.
CROSS ?= windows/amd64 darwin/arm64 linux/arm64
cross:
	@for target in $(CROSS); do \
	  echo "go build ./... for $$target"; \
	  GOOS=$${target%/*} GOARCH=$${target#*/} $(GO) build ./... || exit 1; \
	done

# The built-in library's Rego unit tests, with the coverage figure; below
# 100% of rule lines fails.
rego-test: build
	@./$(BIN) test --coverage --coverage-min 100 > bin/rego-test.txt; status=$$?; \
	  tail -n 3 bin/rego-test.txt; exit $$status

vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi
	$(GO) vet $(PKGS)

lint: vet

# Benchmarks: Go micro-benchmarks and whole-process runs on a generated corpus.
bench: build
	./scripts/bench.sh

# Mutation check (not part of CI): each listed mutation of the code must
# make the tests fail. See scripts/mutate.sh for the list.
mutate:
	./scripts/mutate.sh

# Fuzz each target for FUZZTIME (one anchored target per go test call).
fuzz:
	FUZZTIME=$(FUZZTIME) ./scripts/fuzz.sh

docs: build
	./$(BIN) rules -f markdown > docs/rules.md
	./$(BIN) schema -f markdown > docs/inventory.md
	./$(BIN) schema tender -f markdown > docs/tender-file.md
	./$(BIN) schema params -f markdown > docs/params.md

clean:
	rm -rf bin
