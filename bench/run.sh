#!/usr/bin/env bash
# `make bench`: runs every benchmark under Krait and under python3.11 side
# by side and prints the time ratio Krait/CPython per program and their
# geometric mean (below 1.0 means Krait is faster); then the same for the
# C extension call benchmarks of bench/ext/, whose module is built here
# against each interpreter's headers.  NAMEs starting with ext_ select
# from that second block.
#   usage: bench/run.sh KRAIT [NAME ...]
set -u
here=$(cd "$(dirname "$0")" && pwd)
exec /usr/bin/python3.11 "$here/compare.py" "$@"
