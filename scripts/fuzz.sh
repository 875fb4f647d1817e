#!/usr/bin/env bash
# Fuzz each target for $FUZZTIME (default 60s): make fuzz, or FUZZTIME=10m ./scripts/fuzz.sh.
# FUZZMINIMIZETIME (default 5s) bounds minimizing each new input.
# One anchored target per `go test -fuzz` call: a pattern that matches no
# target (or several) makes go test exit 0 without fuzzing, so the output
# must show that fuzzing ran ("fuzz: elapsed"). A crasher is written to the
# package's testdata/fuzz/<Target>/ and fails the run; commit it as a
# regression seed once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZTIME="${FUZZTIME:-60s}"
# Minimizing each new interesting input may take go test's default 60s,
# which with the fixtures' large seeds would eat most of a short run.
FUZZMINIMIZETIME="${FUZZMINIMIZETIME:-5s}"
# package:target pairs; extend when a target is added.
TARGETS=(
	"./engine/inventory/:FuzzLoad"
	"./engine/inventory/:FuzzFastParse"
	"./engine/:FuzzCheck"
)

status=0
for t in "${TARGETS[@]}"; do
	pkg="${t%%:*}"
	name="${t##*:}"
	echo "== fuzzing $name in $pkg for $FUZZTIME"
	log="$(mktemp)"
	set +e
	go test -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME" -fuzzminimizetime "$FUZZMINIMIZETIME" "$pkg" 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	set -e
	if [ "$rc" -ne 0 ]; then
		echo "fuzz: $name failed (exit $rc); the crasher is under ${pkg}testdata/fuzz/$name/" >&2
		status=1
	elif ! grep -q 'fuzz: elapsed' "$log"; then
		echo "fuzz: $name did not run (no 'fuzz: elapsed' in the output): is the target name right?" >&2
		status=1
	fi
	rm -f "$log"
done
exit $status
