#!/usr/bin/env bash
# Builds each tests/embed/*.c against the runtime library and runs it, as
# an application embedding Krait would.  Prints "embed: N passed, N failed".
#   usage: tests/embed/run.sh BUILD_DIR
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
case $build in /*) bdir=$build ;; *) bdir=$root/$build ;; esac   # absolute or tree-relative
mkdir -p "$bdir/tests"
pass=0; fail=0
for t in "$root"/tests/embed/*.c; do
    [ -e "$t" ] || continue
    n=$(basename "$t" .c); exe="$bdir/tests/embed_$n"
    # -rdynamic: extensions loaded by the application resolve the C API from it.
    if ! ${CC:-gcc} -std=c11 -g -O1 -rdynamic ${SAN_CFLAGS:-} -I"$root/include" -D_GNU_SOURCE "$t" -o "$exe" \
            -Wl,--whole-archive "$bdir/libkrait.a" -Wl,--no-whole-archive -lm -lpthread -ldl; then
        echo "embed: FAIL (build): $n"; fail=$((fail+1)); continue
    fi
    if (cd "$root" && timeout 300 "$exe" > "$bdir/tests/embed_$n.log" 2>&1); then
        pass=$((pass+1))
    else
        echo "embed: FAIL: $n"; tail -20 "$bdir/tests/embed_$n.log"; fail=$((fail+1))
    fi
done
echo "embed: $pass passed, $fail failed"
[ $fail = 0 ]
