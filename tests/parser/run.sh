#!/bin/sh
# Builds the standalone parser test driver and compares its output with
# the reference interpreter (/usr/bin/python3.11, CPython 3.11.2) on
#   1. tests/parser/cases/*.py  (constructs and error messages)
#   2. every .py file under /usr/lib/python3.11
# usage: tests/parser/run.sh [extra files or directories...]
set -e
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PY=${PY:-/usr/bin/python3.11}
CC=${CC:-gcc}
OUT=${TMPDIR:-/tmp}/krait_parser_test
mkdir -p "$OUT"
$CC -std=c11 -Wall -Wextra -Werror -O2 -I"$ROOT/src" "$ROOT"/src/parser/*.c \
    "$ROOT/tests/parser/astdump_main.c" -o "$OUT/astdump" -lm
status=0
ls "$ROOT"/tests/parser/cases/*.py > "$OUT/cases.txt"
echo "== cases"
"$PY" "$ROOT/tests/parser/compare.py" "$OUT/astdump" "$OUT/cases.txt" || status=1
find /usr/lib/python3.11 -name '*.py' | sort > "$OUT/stdlib.txt"
for extra in "$@"; do
    if [ -d "$extra" ]; then find "$extra" -name '*.py'; else echo "$extra"; fi
done | sort >> "$OUT/stdlib.txt"
echo "== stdlib corpus"
"$PY" "$ROOT/tests/parser/compare.py" "$OUT/astdump" "$OUT/stdlib.txt" || status=1
exit $status
