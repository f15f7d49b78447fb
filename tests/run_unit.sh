#!/usr/bin/env bash
# Builds each tests/unit/*.c against the runtime library and runs it.  A
# unit test is a main() that returns 0 when every check holds.
#   usage: tests/run_unit.sh BUILD_DIR [CFLAGS...]
set -u
build=$1; shift
root=$(cd "$(dirname "$0")/.." && pwd)
case $build in /*) bdir=$build ;; *) bdir=$root/$build ;; esac   # absolute or tree-relative
mkdir -p "$bdir/tests"
pass=0; fail=0
for t in "$root"/tests/unit/*.c; do
    [ -e "$t" ] || continue
    n=$(basename "$t" .c); exe="$bdir/tests/$n"
    if ! ${CC:-gcc} -std=c11 -g -O1 -I"$root/include" -I"$root/src" -DKR_BUILD_CORE -D_GNU_SOURCE "$@" \
            "$t" -o "$exe" -Wl,--whole-archive "$bdir/libkrait.a" -Wl,--no-whole-archive -lm -lpthread -ldl; then
        echo "unit: FAIL (build): $n"; fail=$((fail+1)); continue
    fi
    if (cd "$root" && timeout 300 "$exe" > "$bdir/tests/$n.log" 2>&1); then
        pass=$((pass+1))
    else
        echo "unit: FAIL: $n"; tail -20 "$bdir/tests/$n.log"; fail=$((fail+1))
    fi
done
echo "unit: $pass passed, $fail failed"
[ $fail = 0 ]
