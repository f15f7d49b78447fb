#!/usr/bin/env bash
# Regenerates the expected output of Python-level tests with the reference
# interpreter, /usr/bin/python3.11.  For each program NAME.py it writes
# NAME.out (stdout), NAME.err (stderr, only when non-empty) and NAME.rc (the
# exit status, only when non-zero).  Programs run from this folder, by
# relative name, with PYTHONHASHSEED=0, exactly as tests/run_py.sh runs Krait.
#   usage: tests/py/regen.sh [NAME.py ...]   (default: every program)
set -u
cd "$(dirname "$0")"
ref=/usr/bin/python3.11
[ -x "$ref" ] || { echo "regen: $ref not found (apt-get install python3.11)" >&2; exit 2; }
if [ $# -eq 0 ]; then set -- *.py; fi
for p in "$@"; do
    p=$(basename "$p"); n=${p%.py}
    flags=; [ -f "$n.flags" ] && flags=$(cat "$n.flags")   # interpreter options, e.g. -b
    PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 PYTHONIOENCODING=utf-8 timeout 60 \
        "$ref" $flags "$p" > "$n.out.tmp" 2> "$n.err.tmp" < /dev/null
    rc=$?
    # Scripts see their own absolute path; strip this folder so the
    # expected output does not depend on where the tree is checked out.
    sed "s|$PWD/||g" "$n.out.tmp" > "$n.out"; sed "s|$PWD/||g" "$n.err.tmp" > "$n.err"
    rm -f "$n.out.tmp" "$n.err.tmp"
    [ -s "$n.err" ] || rm -f "$n.err"
    if [ $rc -ne 0 ]; then echo $rc > "$n.rc"; else rm -f "$n.rc"; fi
done
