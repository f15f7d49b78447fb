#!/usr/bin/env bash
# `make check`: every test layer in turn (design, section 8), then one
# closing line "N passed, N failed" summing them.  Each layer prints its
# own "<layer>: N passed, N failed" line; this script adds them up.
#   usage: tests/run_all.sh BUILD_DIR
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
log=$(mktemp)
status=0
run() { "$@" 2>&1 | tee -a "$log"; [ "${PIPESTATUS[0]}" = 0 ] || status=1; }
run bash tests/run_unit.sh "$build" ${SAN_CFLAGS:-}
run bash tests/run_py.sh "$build/krait"
run bash tests/run_ext.sh "$build"
run bash tests/run_ext_bad.sh "$build"
[ -f tests/run_abi.sh ] && run bash tests/run_abi.sh "$build"
# Header-only: the sanitizer run does not repeat it.
[ -z "${SAN_CFLAGS:-}" ] && run bash tests/run_limited.sh
run bash tests/embed/run.sh "$build"
run bash tests/run_cpython.sh "$build/krait"
[ -x tests/fuzz/run.sh ] && [ -z "${SKIP_FUZZ:-}" ] && run bash tests/fuzz/run.sh
p=0; f=0
while read -r a b c d; do p=$((p+a)); f=$((f+c)); done < <(grep -oE '[0-9]+ passed, [0-9]+ failed' "$log" | sed 's/,//')
rm -f "$log"
echo "$p passed, $f failed"
exit $status
