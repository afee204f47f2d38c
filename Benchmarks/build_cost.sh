#!/usr/bin/env bash
# What PostgreSQL support costs a newcomer's first build (issue 14, DESIGN §12): the clean debug
# build of `swift build --product spotlight` — what `swift run spotlight wall --demo` does on a fresh
# machine — in its own scratch folder (.build-cost) and package cache, so resolving and cloning the
# dependencies count too. Prints seconds (and peak memory) per case and the ratios; asserts nothing.
#
#   Benchmarks/build_cost.sh                                  this tree as a plain `swift build` builds it
#   Benchmarks/build_cost.sh --traits PostgreSQLSupport       that, then the same with the trait on
#   Benchmarks/build_cost.sh --before REV [--traits T]        first REV (e.g. the commit before the
#                                                             dependency) in a temporary worktree
#
# Run it when nothing else builds: on 2 shared cores the figures are only comparable within one run.
set -euo pipefail
cd "$(dirname "$0")/.."

traits="" before=""
while [ $# -gt 0 ]; do
  case "$1" in
    --traits) traits="$2"; shift 2 ;;
    --traits=*) traits="${1#--traits=}"; shift ;;
    --before) before="$2"; shift 2 ;;
    --before=*) before="${1#--before=}"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "build_cost.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

declare -A seconds_of=()   # case name → seconds
worktree=""
cleanup() {
  rm -rf .build-cost .build-cost-cache
  if [ -n "$worktree" ]; then git worktree remove --force "$worktree" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# measure NAME DIR [swift build arguments…]: one clean build, its wall-clock seconds into results.
measure() {
  local name="$1" dir="$2"; shift 2
  local report; report=$(mktemp)
  rm -rf "$dir/.build-cost" "$dir/.build-cost-cache"
  echo "== $name: swift build --product spotlight $*" >&2
  if ! (cd "$dir" && /usr/bin/time -o "$report" -f "%e %M" \
        swift build --scratch-path .build-cost --cache-path .build-cost-cache --product spotlight "$@" >/dev/null); then
    echo "build_cost.sh: the $name build failed" >&2; cat "$report" >&2; exit 1
  fi
  local seconds kb; read -r seconds kb < <(tail -1 "$report")
  rm -f "$report"
  rm -rf "$dir/.build-cost" "$dir/.build-cost-cache"
  printf '%-10s %8.1f s  %7d MB peak\n' "$name" "$seconds" "$((kb / 1024))"
  seconds_of[$name]=$seconds
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

if [ -n "$before" ]; then
  worktree=$(mktemp -d /tmp/spotlight-build-cost.XXXXXX)
  rmdir "$worktree"
  git worktree add --detach "$worktree" "$before" >/dev/null
  measure before "$worktree"
fi
measure off .
if [ -n "$traits" ]; then measure on . --traits "$traits"; fi

off=${seconds_of[off]}
if [ -n "$before" ]; then echo "off/before: $(ratio "$off" "${seconds_of[before]}")"; fi
if [ -n "$traits" ]; then
  echo "on/off:     $(ratio "${seconds_of[on]}" "$off")"
  if [ -n "$before" ]; then
    echo "on/before:  $(ratio "${seconds_of[on]}" "${seconds_of[before]}")   (issue 14: gate it when above 1.5)"
  fi
fi
