#!/usr/bin/env bash
# Extension-module tests (design, section 8, layer 4).  Each test is a
# folder tests/ext/NAME/ holding C sources (one module per .c file, or a
# package layout under pkg/) and test.py.  The runner builds every module
# twice from the same source: against Krait's headers with krait-config,
# and against CPython 3.11's (python3.11-dev); then runs test.py under both
# interpreters and compares their output.  CPython is the reference, so no
# expected output is checked in.  Prints "ext: N passed, N failed".
#   usage: tests/run_ext.sh BUILD_DIR [NAME ...]
set -u
build=${1:-build}; shift || true
root=$(cd "$(dirname "$0")/.." && pwd)
case $build in /*) bdir=$build ;; *) bdir=$root/$build ;; esac   # absolute or tree-relative
krait="$bdir/krait"
kcfg="$bdir/krait-config"
cpy_inc=$(/usr/bin/python3.11 -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
cpy_suffix=$(/usr/bin/python3.11 -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')
k_suffix=$("$kcfg" --extension-suffix)
work="$bdir/ext"
rm -rf "$work"; mkdir -p "$work"
pass=0; fail=0
if [ $# -eq 0 ]; then set -- $(cd "$root/tests/ext" && ls -d */ 2>/dev/null | tr -d /); fi
build_modules() {   # $1 = test dir, $2 = out dir, $3 = cflags, $4 = suffix
    local t=$1 out=$2 flags=$3 suffix=$4
    for c in $(cd "$t" && find . -name '*.c' | sort); do
        local rel=${c#./}; local dir=$(dirname "$rel"); local mod=$(basename "$rel" .c)
        mkdir -p "$out/$dir"
        ${CC:-gcc} $flags -shared -fPIC -Wall -Werror -Wno-deprecated-declarations \
            "$t/$rel" -o "$out/$dir/$mod$suffix" -lpthread || return 1
    done
    (cd "$t" && find . -name '*.py' -exec cp --parents {} "$out/" \;)
}
for name in "$@"; do
    t="$root/tests/ext/$name"
    kdir="$work/$name/krait"; cdir="$work/$name/cpython"
    if ! build_modules "$t" "$kdir" "$("$kcfg" --cflags) ${SAN_CFLAGS:-}" "$k_suffix" 2> "$work/$name.kbuild"; then
        echo "ext: FAIL (build against Krait): $name"; head -20 "$work/$name.kbuild"; fail=$((fail+1)); continue
    fi
    if ! build_modules "$t" "$cdir" "-I$cpy_inc -O1 -g" "$cpy_suffix" 2> "$work/$name.cbuild"; then
        echo "ext: FAIL (build against CPython): $name"; head -20 "$work/$name.cbuild"; fail=$((fail+1)); continue
    fi
    # Each side runs in its own folder: strip it from paths in the output.
    (cd "$cdir" && PYTHONHASHSEED=0 timeout 120 /usr/bin/python3.11 test.py 2>&1 | sed "s|$cdir/||g" > ../cpython.out; echo "rc=${PIPESTATUS[0]}" >> ../cpython.out)
    (cd "$kdir" && PYTHONHASHSEED=0 timeout 120 "$krait" test.py 2>&1 | sed "s|$kdir/||g" > ../krait.out; echo "rc=${PIPESTATUS[0]}" >> ../krait.out)
    if cmp -s "$work/$name/cpython.out" "$work/$name/krait.out"; then
        pass=$((pass+1))
    else
        echo "ext: FAIL: $name"; diff "$work/$name/cpython.out" "$work/$name/krait.out" | head -20
        fail=$((fail+1))
    fi
done
echo "ext: $pass passed, $fail failed"
[ $fail = 0 ]
