#!/usr/bin/env bash
# make bench: Go micro-benchmarks of the hot paths, then whole-process runs
# of `citygate validate` and `citygate check` over generated corpora.
#
#   RUNS=5 RUNS_LARGE=5 SIZES="1000 10000" GO_BENCH=1 ./scripts/bench.sh
#
# RUNS        runs per measurement; the median is printed (default 3)
# RUNS_LARGE  runs for corpora of 5,000 inventories or more (default 1, so
#             that make bench stays within about five minutes)
# SIZES       corpus sizes in inventories (default "1000 10000"; "" skips
#             the validate/check runs, e.g. to time only the memory runs:
#             SIZES= CACHE_SIZE=0 EVALUATOR_BENCH=0 CONFTEST_SIZE=0 GO_BENCH=0)
# GO_BENCH    0 skips the Go micro-benchmarks (default 1)
# BENCH_OUT   where raw results go (default bin/bench), for benchstat
# MEM_SIZE    inventories of the bounded-memory runs (both corpus modes,
#             with and without the soft memory limit, alternating; default
#             10000, 0 skips them)
# MEM_MODES   corpus modes of those runs (default "violations sparse")
# CACHE_SIZE  inventories of the cache measurement (default: the largest
#             of SIZES; 0 skips it)
# EVALUATOR_BENCH  0 skips topdown vs wasm (default 1)
# CONFTEST_SIZE    inventories of the Conftest comparison (default 10000,
#             0 skips it; the first run installs Conftest v0.71.1 with
#             go install, which needs the Go module proxy)
# RULES20     the 20 rules of the stretch measurement (check --rule), by
#             default the first 20 rule ids in id order
# NO_USR_BIN_TIME=1  use the getrusage wrapper even if /usr/bin/time exists
#
# Needs go, bash, awk, coreutils and python3 (finding counts). Peak RSS and CPU time come from
# /usr/bin/time -v when it exists, otherwise from a tiny Go wrapper around
# getrusage(2) built on the fly.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
RUNS_LARGE=${RUNS_LARGE:-1}
SIZES=${SIZES-1000 10000}
GO_BENCH=${GO_BENCH:-1}
BENCH_OUT=${BENCH_OUT:-bin/bench}
AS_OF=2026-01-01
GO=${GO:-go}
BIN=bin/citygate

mkdir -p "$BENCH_OUT"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== machine"
echo "cpus: $(nproc), $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
echo "$($GO version), GOMAXPROCS default $(nproc)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other processes skew wall times)"

$GO build -o "$BIN" ./cmd/citygate
RULES20=${RULES20:-$("$BIN" rules | awk 'NR > 1 && NR <= 21 {printf "%s%s", sep, $1; sep=","}')}
# NRULES: the built-in rules a full check evaluates (the stretch target was
# set for the whole library, 60 rules when it was written).
NRULES=$("$BIN" rules | awk '/^[A-Z]+-[0-9]+ / {n++} END {print n}')

if [ "$GO_BENCH" != 0 ]; then
	echo
	echo "== Go benchmarks (-benchmem; raw output in $BENCH_OUT/go.txt, compare runs with benchstat)"
	$GO test -run '^$' -benchmem -count 1 \
		-bench '^(BenchmarkLoad|BenchmarkLoadSlowPath|BenchmarkLoadStages|BenchmarkStartup|BenchmarkEvaluate|BenchmarkLocate|BenchmarkCheckOne|BenchmarkCheck|BenchmarkReport)$' \
		./engine/inventory ./engine ./engine/report | tee "$BENCH_OUT/go.txt" | grep -E '^Benchmark'
fi

# measure CMD...: runs CMD once and sets wall (s), cpu (s) and rss (KB).
# Exit codes 0 and 1 (findings) are success; anything else stops the script.
if [ -z "${NO_USR_BIN_TIME:-}" ] && [ -x /usr/bin/time ]; then
	timer=gnu
else
	timer=rusage
	mkdir -p "$work/rusage"
	cat >"$work/rusage/main.go" <<'EOF'
// rusage runs a command and prints "wall_s cpu_s maxrss_kb" to stderr.
package main

import (
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

func main() {
	cmd := exec.Command(os.Args[1], os.Args[2:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if cmd.ProcessState == nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(127)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	fmt.Fprintf(os.Stderr, "RUSAGE %.3f %.3f %d\n", wall.Seconds(), cpu.Seconds(), ru.Maxrss)
	os.Exit(cmd.ProcessState.ExitCode())
}
EOF
	(cd "$work/rusage" && printf 'module rusage\n\ngo 1.21\n' >go.mod && $GO build -o rusage .)
fi
measure() {
	local log="$work/measure.log" code=0
	if [ "$timer" = gnu ]; then
		/usr/bin/time -v "$@" >"$work/stdout" 2>"$log" || code=$?
		wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$log")
		cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f", u+s}' "$log")
		rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
	else
		"$work/rusage/rusage" "$@" >"$work/stdout" 2>"$log" || code=$?
		read -r wall cpu rss < <(awk '/^RUSAGE / {print $2, $3, $4}' "$log")
	fi
	if [ "$code" -gt 1 ]; then
		echo "command failed (exit $code): $*" >&2
		tail -20 "$log" >&2
		exit 1
	fi
}

median() { sort -g | awk '{a[NR]=$1} END {m=int((NR+1)/2); if (NR%2) print a[m]; else printf "%.3f\n", (a[m]+a[m+1])/2}'; }

# summarize LABEL WALLS CPUS RSSS (space-separated runs): prints the
# medians and every run, and sets m_wall, m_cpu and m_rss.
summarize() {
	m_wall=$(printf '%s\n' $2 | median) m_cpu=$(printf '%s\n' $3 | median) m_rss=$(printf '%s\n' $4 | median)
	printf '%-34s wall %7.3f s (runs: %s)  cpu %7.2f s (runs: %s)  peak RSS %6.1f MB\n' \
		"$1" "$m_wall" "$2" "$m_cpu" "$3" "$(awk -v k="$m_rss" 'BEGIN {print k/1024}')"
}

# bench LABEL CMD...: $runs runs; prints the medians and sets m_wall,
# m_cpu and m_rss.
runs=$RUNS
bench() {
	local label=$1 walls="" cpus="" rsss=""
	shift
	for _ in $(seq "$runs"); do
		measure "$@"
		walls+="$wall " cpus+="$cpu " rsss+="$rss "
	done
	summarize "$label" "${walls% }" "${cpus% }" "${rsss% }"
}

# bench_pair LABEL_A LABEL_B CMD...: $runs runs of CMD with the built-in
# GC settings (A) alternating with $runs under GOMEMLIMIT=off (B), so that
# a change in the machine's load falls on both alike; prints both medians
# and sets a_wall, a_cpu, a_rss, b_wall, b_cpu and b_rss.
bench_pair() {
	local label_a=$1 label_b=$2 aw="" ac="" ar="" bw="" bc="" br=""
	shift 2
	for _ in $(seq "$runs"); do
		measure "$@"
		aw+="$wall " ac+="$cpu " ar+="$rss "
		measure env GOMEMLIMIT=off "$@"
		bw+="$wall " bc+="$cpu " br+="$rss "
	done
	summarize "$label_a" "${aw% }" "${ac% }" "${ar% }"
	a_wall=$m_wall a_cpu=$m_cpu a_rss=$m_rss
	summarize "$label_b" "${bw% }" "${bc% }" "${br% }"
	b_wall=$m_wall b_cpu=$m_cpu b_rss=$m_rss
}

echo
echo "== start-up: one small inventory (median of $RUNS; timer: $timer)"
bench "citygate version" "$BIN" version
bench "citygate check fixtures/bid" "$BIN" check fixtures/bid --quiet

for n in $SIZES; do
	runs=$RUNS
	[ "$n" -ge 5000 ] && runs=$RUNS_LARGE
	dir="$work/corpus-$n"
	$GO run ./fixtures/gen -n "$n" -seed 1 -o "$dir" 2>"$work/gen.log"
	desc=$(sed -nE 's/.*inventories \((.*)\) to .*/\1/p' "$work/gen.log")
	echo
	echo "== $n inventories ($desc), median of $runs run(s); load average $(cut -d' ' -f1-3 /proc/loadavg)"
	bench "validate DIR/*" "$BIN" validate "$dir"/*
	systems=$(grep -oE '[0-9]+ systems' "$work/stdout" | grep -oE '[0-9]+' || echo 0)
	v_wall=$m_wall v_rss=$m_rss v_cpu=$m_cpu
	awk -v s="$systems" -v w="$m_wall" 'BEGIN {printf "  %8.0f systems/s\n", s/w}'
	bench "check DIR/* -f json -o out.json" "$BIN" check "$dir"/* -f json -o "$work/out.json" --as-of "$AS_OF" --quiet
	c_wall=$m_wall c_cpu=$m_cpu c_rss=$m_rss
	findings=$(grep -m1 -oE '"findings": [0-9]+' "$work/out.json" | grep -oE '[0-9]+')
	awk -v s="$systems" -v w="$m_wall" -v f="$findings" -v c="$m_cpu" 'BEGIN {printf "  %8.0f systems/s, %s findings, %.1f µs CPU per finding\n", s/w, f, (f > 0 ? c * 1e6 / f : 0)}'
	awk -v c="$c_wall" -v v="$v_wall" -v cc="$c_cpu" -v vc="$v_cpu" -v n="$n" -v r="$c_rss" -v vr="$v_rss" \
		'BEGIN {printf "  check/validate ratio: wall %.2f (target <= 1.5), cpu %.2f; peak RSS check %.0f MB, validate %.0f MB at %d inventories (target < 300 MB)\n", c/v, cc/vc, r/1024, vr/1024, n}'
	bench "check --rule <20 rules> -f json -o" "$BIN" check "$dir"/* --rule "$RULES20" -f json -o "$work/out20.json" --as-of "$AS_OF" --quiet
	r_wall=$m_wall
	awk -v n="$n" -v a="$c_wall" -v b="$r_wall" -v r="$NRULES" 'BEGIN {printf "  stretch at %d inventories: all %d rules %.2f s (target <= 3 s at 10,000), 20 rules %.2f s (target <= 1.5 s)\n", n, r, a, b}'
	echo "$n $systems $v_wall $c_wall $v_cpu $c_cpu $c_rss $r_wall" >>"$work/summary"
	rm -rf "$dir"
done

# Bounded memory (issue 18): check at MEM_SIZE inventories of both corpus
# modes, the generator's -violations 1 and -sparse (about 32 findings per
# inventory, mostly not_stated), with the built-in soft memory limit and
# with GOMEMLIMIT=off. Peak RSS must stay under 300 MB and the limited run
# within 1.2x the wall time of the unlimited one.
MEM_SIZE=${MEM_SIZE:-10000}
if [ "$MEM_SIZE" != 0 ]; then
	for mode in ${MEM_MODES:-violations sparse}; do
		dir="$work/mem-$mode"
		flags="-violations 1"
		[ "$mode" = sparse ] && flags="-sparse"
		# shellcheck disable=SC2086
		$GO run ./fixtures/gen -n "$MEM_SIZE" -seed 1 $flags -o "$dir" 2>"$work/gen.log"
		echo
		echo "== memory: $MEM_SIZE inventories, gen $flags ($(sed -nE 's/.*inventories \((.*)\) to .*/\1/p' "$work/gen.log")), median of $RUNS_LARGE; load average $(cut -d' ' -f1-3 /proc/loadavg)"
		runs=$RUNS_LARGE
		bench_pair "check -f json (soft limit)" "check -f json (GOMEMLIMIT=off)" \
			"$BIN" check "$dir"/* -f json -o "$work/mem.json" --as-of "$AS_OF" --quiet
		findings=$(grep -m1 -oE '"findings": [0-9]+' "$work/mem.json" | grep -oE '[0-9]+')
		suppressed=$(grep -m1 -oE '"suppressed": [0-9]+' "$work/mem.json" | grep -oE '[0-9]+')
		awk -v lw="$a_wall" -v ow="$b_wall" -v lr="$a_rss" -v or="$b_rss" -v lc="$a_cpu" -v oc="$b_cpu" -v f="$findings" -v s="$suppressed" \
			'BEGIN {n = f + s; printf "  %d findings (%d open); peak RSS %.0f MB with the limit (target < 300 MB), %.0f MB without; wall ratio limit/off %.2f (target <= 1.2), CPU ratio %.2f; %.1f µs CPU per finding\n", n, f, lr/1024, or/1024, lw/ow, lc/oc, (n > 0 ? lc * 1e6 / n : 0)}'
		rm -rf "$dir"
	done
fi

[ -s "$work/summary" ] && echo && echo "== summary" && awk 'BEGIN {printf "%11s %8s %11s %8s %12s %9s %9s %12s %10s\n", "inventories", "systems", "validate_s", "check_s", "check_sys/s", "wall_ratio", "cpu_ratio", "check_RSS_MB", "check20_s"}
     {printf "%11d %8d %11.3f %8.3f %12.0f %9.2f %9.2f %12.1f %10.3f\n", $1, $2, $3, $4, $2/$4, $4/$3, $6/$5, $7/1024, $8}' "$work/summary"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

# == cache (issue 18, item 4): check --cache over unchanged inventories
# against validate over them. CACHE_SIZE inventories (default: the largest
# of SIZES). The cold run fills the cache once; validate and the warm run
# take the median of RUNS. The warm report must equal the cold one.
cache_bench() {
	local n=${CACHE_SIZE:-$(printf '%s\n' $SIZES | sort -n | tail -1)}
	[ "${n:-0}" = 0 ] && return
	local dir="$work/cache-corpus" cdir="$work/cache"
	$GO run ./fixtures/gen -n "$n" -seed 1 -o "$dir" 2>"$work/gen.log"
	runs=$RUNS
	echo
	echo "== cache: $n inventories, median of $runs run(s); load average $(cut -d' ' -f1-3 /proc/loadavg)"
	bench "validate DIR/*" "$BIN" validate "$dir"/*
	local v_wall=$m_wall v_cpu=$m_cpu
	runs=1
	rm -rf "$cdir"
	bench "check --cache C (cold, 1 run)" "$BIN" check "$dir"/* -f json -o "$work/cold.json" --as-of "$AS_OF" --quiet --cache "$cdir"
	local c_wall=$m_wall
	runs=$RUNS
	bench "check --cache C (warm)" "$BIN" check "$dir"/* -f json -o "$work/warm.json" --as-of "$AS_OF" --quiet --cache "$cdir"
	if ! cmp -s "$work/cold.json" "$work/warm.json"; then
		echo "cache: the warm report differs from the cold one" >&2
		exit 1
	fi
	awk -v w="$m_wall" -v v="$v_wall" -v wc="$m_cpu" -v vc="$v_cpu" -v c="$c_wall" -v d="$(du -sk "$cdir" | cut -f1)" \
		'BEGIN {printf "  warm/validate: wall %.2f, cpu %.2f (target <= 1); cold/warm wall %.1fx; cache %.0f MB; warm report = cold report\n", w/v, wc/vc, c/w, d/1024}'
	rm -rf "$dir" "$cdir"
}
cache_bench

# == compiled evaluator (issue 18, item 3): topdown and Wasm, CPU ms per
# inventory on 400 generated inventories (engine/measure_test.go), then
# the same check end to end with --evaluator wasm.
if [ "${EVALUATOR_BENCH:-1}" != 0 ]; then
	echo
	echo "== evaluators: topdown vs wasm (engine/measure_test.go, 400 inventories); load average $(cut -d' ' -f1-3 /proc/loadavg)"
	CITYGATE_MEASURE=topdown,wasm CITYGATE_MEASURE_ROUNDS=${RUNS} $GO test ./engine -run TestMeasureEvaluators -v -count=1 2>&1 | grep -E 'per inventory' | sed 's/^ *measure_test.go:[0-9]*: /  /'
fi

# == Conftest side by side (issue 18, item 5): the same 20 rules on one
# corpus of CONFTEST_SIZE inventories (scripts/bench-conftest.sh).
if [ "${CONFTEST_SIZE:-10000}" != 0 ]; then
	echo
	echo "== Conftest v0.71.1 side by side"
	N=${CONFTEST_SIZE:-10000} RUNS=${RUNS_LARGE} ./scripts/bench-conftest.sh
fi
