#!/usr/bin/env bash
# Runs the CPython 3.11 regression-test modules listed in tests/cpython.txt
# under Krait (`krait -m unittest test.test_NAME`).  The list holds only
# modules that pass; a module leaves it only with a written reason.
#   usage: tests/run_cpython.sh KRAIT
set -u
krait=$(realpath "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
pass=0; fail=0
while read -r mod _; do
    case "$mod" in ''|'#'*) continue;; esac
    if (cd /tmp && timeout 600 "$krait" -m unittest "$mod" > "$root/tests/out/cpython_$mod.log" 2>&1); then
        pass=$((pass+1))
    else
        echo "cpython: FAIL: $mod"; tail -5 "$root/tests/out/cpython_$mod.log"; fail=$((fail+1))
    fi
done < <(mkdir -p "$root/tests/out"; cat "$root/tests/cpython.txt")
echo "cpython: $pass passed, $fail failed"
[ $fail = 0 ]
