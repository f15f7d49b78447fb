#!/usr/bin/env bash
# Runs every tests/py program under Krait and compares stdout, stderr and
# exit status with what /usr/bin/python3.11 printed (the checked-in .out,
# .err and .rc files).  Prints one line per failure, then
# "py: N passed, N failed".  A failure listed in tests/py/known_failures.txt
# is reported as known; any other failure makes the exit status 1.  A
# NAME.flags file holds interpreter options for NAME.py (regen.sh too).
#   usage: tests/run_py.sh KRAIT [NAME.py ...]
set -u
krait=$(realpath "$1"); shift
cd "$(dirname "$0")/py"
outdir=${KR_TEST_OUT:-../out}/py; mkdir -p "$outdir"
known=known_failures.txt
if [ $# -eq 0 ]; then set -- *.py; fi
pass=0; fail=0; unexpected=0
for p in "$@"; do
    p=$(basename "$p"); n=${p%.py}
    [ -f "$n.out" ] || continue
    flags=; [ -f "$n.flags" ] && flags=$(cat "$n.flags")   # interpreter options, e.g. -b
    PYTHONHASHSEED=0 PYTHONIOENCODING=utf-8 timeout "${PY_TIMEOUT:-60}" "$krait" $flags "$p" \
        > "$outdir/$n.out.raw" 2> "$outdir/$n.err.raw" < /dev/null
    rc=$?
    sed "s|$PWD/||g" "$outdir/$n.out.raw" > "$outdir/$n.out"
    sed "s|$PWD/||g" "$outdir/$n.err.raw" > "$outdir/$n.err"
    want_rc=0; [ -f "$n.rc" ] && want_rc=$(cat "$n.rc")
    ok=1
    cmp -s "$outdir/$n.out" "$n.out" || ok=0
    if [ -f "$n.err" ]; then cmp -s "$outdir/$n.err" "$n.err" || ok=0
    else [ -s "$outdir/$n.err" ] && ok=0; fi
    [ "$rc" = "$want_rc" ] || ok=0
    if [ $ok = 1 ]; then
        pass=$((pass+1))
        grep -qx "$p" "$known" 2>/dev/null && echo "py: now passing (remove from known_failures.txt): $p"
    else
        fail=$((fail+1))
        if grep -qx "$p" "$known" 2>/dev/null; then echo "py: known failure: $p"
        else echo "py: FAIL: $p (rc $rc, want $want_rc)"; unexpected=$((unexpected+1)); fi
    fi
done
echo "py: $pass passed, $fail failed ($unexpected unexpected)"
[ $unexpected = 0 ]
