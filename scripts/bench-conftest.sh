#!/usr/bin/env bash
# Conftest side by side (part of make bench): the same 20 rules, written
# for Conftest's HCL2 input in bench/conftest/policy, against
# `citygate check --rule <those ids>` on one generated corpus. Prints both
# wall times, peak RSS, finding counts and the ratios.
#
#   N=10000 RUNS=3 ./scripts/bench-conftest.sh
#
# N      inventories in the corpus (default 10000)
# RUNS   runs of each tool; the median is printed (default 3)
# SPARSE 1 adds the generator's sparse mode when it has one (default 0)
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-10000}
RUNS=${RUNS:-3}
GO=${GO:-go}
CONFTEST_VERSION=v0.71.1
BIN=bin/citygate
AS_OF=2026-01-01
RULES20=SEC-003,SEC-004,SEC-005,SEC-006,SEC-008,SEC-009,SEC-010,SEC-011,SEC-014,SEC-015,SEC-016,SEC-017,SEC-020,SEC-021,SEC-023,PRIV-010,SUST-003,SUST-005,SUST-006,ACC-001

gobin=$($GO env GOPATH)/bin
conftest=$gobin/conftest
# go install builds report "Conftest: dev"; the module version is in the binary.
if ! $GO version -m "$conftest" 2>/dev/null | grep -q "mod.*conftest.*$CONFTEST_VERSION"; then
	echo "installing Conftest $CONFTEST_VERSION with go install (first run only)"
	$GO install "github.com/open-policy-agent/conftest@$CONFTEST_VERSION"
fi
$GO build -o "$BIN" ./cmd/citygate

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gen_args=(-n "$N" -seed 1 -o "$work/corpus")
if [ "${SPARSE:-0}" = 1 ] && $GO run ./fixtures/gen -h 2>&1 | grep -q -- '-sparse'; then
	gen_args+=(-sparse)
fi
$GO run ./fixtures/gen "${gen_args[@]}" 2>"$work/gen.log"
cat "$work/gen.log"

# run LABEL OUT CMD...: wall seconds and peak RSS (KB) of one run, from
# /usr/bin/time -v; exit 0 or 1 is success (both tools exit 1 on findings).
run() {
	local out=$1 code=0
	shift
	/usr/bin/time -v "$@" >"$out" 2>"$work/time.log" || code=$?
	if [ "$code" -gt 1 ]; then
		echo "failed (exit $code): $*" >&2
		tail -20 "$work/time.log" >&2
		exit 1
	fi
	awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; w=s}
		/Maximum resident set size/ {r=$2} END {print w, r}' "$work/time.log"
}
median() { sort -g | awk '{a[NR]=$1} END {m=int((NR+1)/2); if (NR%2) print a[m]; else printf "%.3f\n", (a[m]+a[m+1])/2}'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
cw=() cr=() tw=() tr=()
for _ in $(seq "$RUNS"); do
	read -r w r < <(run "$work/citygate.json" "$BIN" check "$work"/corpus/* --rule "$RULES20" --as-of "$AS_OF" -f json --quiet)
	cw+=("$w") cr+=("$r")
	read -r w r < <(run "$work/conftest.json" "$conftest" test --all-namespaces --parser hcl2 -p bench/conftest/policy -d bench/conftest/policy/data.json -o json --no-color "$work/corpus")
	tw+=("$w") tr+=("$r")
done
c_wall=$(printf '%s\n' "${cw[@]}" | median) c_rss=$(printf '%s\n' "${cr[@]}" | median)
t_wall=$(printf '%s\n' "${tw[@]}" | median) t_rss=$(printf '%s\n' "${tr[@]}" | median)
c_findings=$(python3 - "$work/citygate.json" <<'PY' 2>/dev/null || echo "?"
import json, sys
d = json.load(open(sys.argv[1]))
print(sum(1 for f in d.get("findings", [])))
PY
)
t_findings=$(python3 - "$work/conftest.json" <<'PY' 2>/dev/null || echo "?"
import json, sys
print(sum(len(r.get("failures") or []) for r in json.load(open(sys.argv[1]))))
PY
)
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s wall %8.3f s (runs: %s)  peak RSS %7.1f MB  findings %s (located: file, line, column)\n' citygate "$c_wall" "${cw[*]}" "$(awk -v k="$c_rss" 'BEGIN {print k/1024}')" "$c_findings"
printf '%-10s wall %8.3f s (runs: %s)  peak RSS %7.1f MB  findings %s (no location)\n' conftest "$t_wall" "${tw[*]}" "$(awk -v k="$t_rss" 'BEGIN {print k/1024}')" "$t_findings"
awk -v c="$c_wall" -v t="$t_wall" -v cr="$c_rss" -v tr="$t_rss" -v n="$N" \
	'BEGIN {printf "conftest/citygate at %d inventories, 20 rules: wall %.2fx (target >= 5x, stretch 10x), peak RSS %.2fx\n", n, t/c, tr/cr}'
