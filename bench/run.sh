#!/usr/bin/env bash
# `make bench`: runs every benchmark under Krait and under python3.11 side
# by side and prints the time ratio Krait/CPython per program and their
# geometric mean (below 1.0 means Krait is faster).
#   usage: bench/run.sh KRAIT [NAME ...]
set -u
here=$(cd "$(dirname "$0")" && pwd)
exec /usr/bin/python3.11 "$here/compare.py" "$@"
