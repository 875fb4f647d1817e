#!/usr/bin/env bash
# make mutate: apply each listed mutation of the code in place, run the
# tests that should catch it, restore the file, and fail if any mutation
# survives (its tests still pass) or no longer applies (the code changed:
# update the list below). Not part of CI: it runs tests once per mutation.
# No git stash: the file is copied aside and copied back, also on Ctrl-C,
# so uncommitted work elsewhere is never touched.
#
#   ./scripts/mutate.sh                      # every mutation
#   ONLY=waiver-expiry ./scripts/mutate.sh   # one
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
mkdir -p bin

backup=""
restore() {
  if [ -n "$backup" ] && [ -f "$backup" ]; then mv -f "$backup" "${backup%.mutate-orig}"; fi
  backup=""
}
trap restore EXIT
trap 'restore; exit 130' INT TERM

survived=() stale=() killed=0
declare -A clean # test commands seen to pass without mutation

# mutation NAME FILE SED-SCRIPT RUN-REGEXP PACKAGE...
mutation() {
  local name=$1 file=$2 script=$3 run=$4
  shift 4
  if [ -n "${ONLY:-}" ] && [ "$ONLY" != "$name" ]; then return; fi
  if [ ! -f "$file" ]; then stale+=("$name: $file is gone"); return; fi
  # The tests must pass on the code as it is, or failing proves nothing.
  local key="$run $*"
  if [ -z "${clean[$key]:-}" ]; then
    if ! $GO test -count=1 -run "$run" "$@" >"bin/mutate-$name.clean.log" 2>&1; then
      stale+=("$name: go test -run '$run' $* fails without the mutation (bin/mutate-$name.clean.log)")
      return
    fi
    clean[$key]=1
  fi
  backup="$file.mutate-orig"
  cp -p "$file" "$backup"
  sed -i -e "$script" "$file"
  if cmp -s "$file" "$backup"; then
    restore
    stale+=("$name: the mutation no longer applies to $file")
    return
  fi
  if $GO test -count=1 -run "$run" "$@" >"bin/mutate-$name.log" 2>&1; then
    survived+=("$name")
    echo "SURVIVED $name ($file; go test -run '$run' $*)"
  elif grep -q -e '\[build failed\]' -e '\[setup failed\]' "bin/mutate-$name.log"; then
    # A mutant that does not compile proves nothing about the tests.
    stale+=("$name: the mutated $file does not compile (bin/mutate-$name.log)")
  else
    killed=$((killed + 1))
    echo "killed   $name"
  fi
  restore
}

# The list. Keep it current: a mutation that no longer applies fails too.
mutation waiver-expiry engine/waiver/waiver.go \
  's/return asOf <= w.Expires/return asOf < w.Expires/' \
  'Expiry' ./engine/waiver ./engine
mutation waiver-max-days engine/waiver/waiver.go \
  's/days > maxDays {/days >= maxDays {/' \
  'LengthBoundary|WaiverLengthLimit' ./engine/waiver ./engine
mutation max-waiver-days-ignored engine/suppress.go \
  's/params\["max_waiver_days"\]/params["max_waiver_days_ignored"]/' \
  'WaiverLengthLimit' ./engine
mutation baseline-drops-fingerprints cmd/citygate/output.go \
  's/fps\[f.Fingerprint\] = true/_ = f/' \
  'Baseline' ./cmd/citygate
mutation baseline-overwrites-waiver engine/suppress.go \
  's/if f.Suppressed != nil || !e.baseline\[f.Fingerprint\] {/if !e.baseline[f.Fingerprint] {/' \
  'WaivedAndBaselined|WaiverWinsOverBaseline' ./engine ./cmd/citygate
mutation baseline-hides-expiry engine/suppress.go \
  's/if f.RuleID == waiver.ExpiredID || waiver.Expired(waivers, f, e.asOf) {/if false {/' \
  'ExpiredWaiverWinsOverTheBaseline|WaiverWinsOverBaseline' ./engine ./cmd/citygate
mutation expect-ignores-line internal/expect/expect.go \
  's/Line: f.Location.Start.Line, RuleID/Line: 0, RuleID/; s/^\t\tpending\[w\]++$/\t\tw.Line = 0\n\t\tpending[w]++/; s/^\t\tif pending\[w\] > 0 {$/\t\tif w.Line = 0; pending[w] > 0 {/' \
  '.' ./internal/expect
mutation fingerprint-drops-kind engine/finding/finding.go \
  's/scope, ruleID, r.Kind, r.ID, field/scope, ruleID, r.ID, field/' \
  'Fingerprint' ./engine
mutation workpool-ignores-context internal/workpool/workpool.go \
  's/for ctx.Err() == nil {/for {/' \
  'ForEach|Cancelled' ./internal/workpool ./engine
mutation fast-path-refuses-corpus engine/inventory/fastparse_value.go \
  's/case c == .-. || isDigit(c):/case c == 0:/' \
  'GeneratedCorpusIsAllFastPath' ./engine/inventory
mutation fallback-reason-lost engine/inventory/load.go \
  's/file.Fallback = why/file.Fallback = ""/' \
  'LoadRecordsFallbacks' ./engine/inventory
mutation params-first-error-only engine/policy/params.go \
  's/errs = append(errs, merge(into, k, overrides\[k\], path+"."+k)...)/if e := merge(into, k, overrides[k], path+"."+k); len(e) > 0 { return e }/' \
  'EveryParamsErrorSorted' ./engine/policy
mutation params-unsorted engine/policy/params.go \
  's/^\tsort.Strings(keys)$/\t_ = sort.Strings/' \
  'EveryParamsErrorSorted' ./engine/policy
mutation config-first-error-only internal/config/check.go \
  's/\*probs = append(\*probs, at(k, "unknown setting %q%s", prefix+k.Value, hint))/*probs = append(*probs, at(k, "unknown setting %q%s", prefix+k.Value, hint)); return/' \
  '.' ./internal/config

echo "$killed killed, ${#survived[@]} survived, ${#stale[@]} stale"
for s in "${stale[@]}"; do echo "STALE $s"; done
[ ${#survived[@]} -eq 0 ] && [ ${#stale[@]} -eq 0 ]
