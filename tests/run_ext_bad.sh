#!/usr/bin/env bash
# Bad input when importing native modules (design, section 5): libraries
# without an init function, init functions that fail, files the dynamic
# loader refuses, binaries built for CPython, contexts without native
# access.  Three groups under tests/ext_bad/:
#   ref/       CPython is the reference: every module is built against
#              Krait's headers and against CPython 3.11's, test.py runs
#              under both interpreters and their lines are compared;
#   krait/     messages that are Krait's own: Krait only, compared with
#              the checked-in expected.out;
#   noaccess/  host.c embeds Krait with allow_native_access off and runs
#              test.py; compared with expected.out.
# Each output line is one check: "ext_bad: N passed, N failed" counts
# lines that match.  Set REGEN=1 to rewrite the expected.out files.
#   usage: tests/run_ext_bad.sh BUILD_DIR
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
case $build in /*) bdir=$build ;; *) bdir=$root/$build ;; esac
src=$root/tests/ext_bad
krait=$bdir/krait
# Krait's headers from this tree (krait-config's flags otherwise).
kflags="-I$root/include $("$bdir/krait-config" --cflags) ${SAN_CFLAGS:-}"
k_suffix=$("$bdir/krait-config" --extension-suffix)
cpy_inc=$(/usr/bin/python3.11 -c 'import sysconfig; print(sysconfig.get_paths()["include"])')
c_suffix=$(/usr/bin/python3.11 -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')
cflags="-I$cpy_inc -O1 -g"
work=$bdir/ext_bad
rm -rf "$work"; mkdir -p "$work"
pass=0; fail=0

# cc SOURCE OUT FLAGS...: one extension module.
cc_mod() {
    local c=$1 out=$2; shift 2
    mkdir -p "$(dirname "$out")"
    ${CC:-gcc} "$@" -shared -fPIC -Wall -Werror "$c" -o "$out" -lpthread
}

# Compares two outputs line by line, one check per line.  $1 label, $2
# expected, $3 got.
compare() {
    local label=$1 exp=$2 got=$3 n m i e g
    n=$(wc -l < "$exp"); m=$(wc -l < "$got")
    [ "$m" -gt "$n" ] && n=$m
    for ((i = 1; i <= n; i++)); do
        e=$(sed -n "${i}p" "$exp"); g=$(sed -n "${i}p" "$got")
        if [ "$e" = "$g" ]; then
            pass=$((pass+1))
        else
            fail=$((fail+1))
            echo "ext_bad: FAIL: $label line $i"
            echo "  expected: $e"
            echo "  got:      $g"
        fi
    done
}

build_fail() { echo "ext_bad: FAIL (build): $1"; head -20 "$2"; fail=$((fail+1)); }

# ---- ref: Krait against CPython ----
k=$work/ref/krait; c=$work/ref/cpython
ok=1
for f in $(cd "$src/ref" && find . -name '*.c' | sort); do
    rel=${f#./}; stem=${rel%.c}
    cc_mod "$src/ref/$rel" "$k/$stem$k_suffix" $kflags 2>> "$work/ref.build" || ok=0
    cc_mod "$src/ref/$rel" "$c/$stem$c_suffix" $cflags 2>> "$work/ref.build" || ok=0
done
if [ $ok = 1 ]; then
    for d in "$k" "$c"; do (cd "$src/ref" && find . -name '*.py' -exec cp --parents {} "$d/" \;); done
    echo "not an ELF file" > "$k/notelf$k_suffix"
    echo "not an ELF file" > "$c/notelf$c_suffix"
    (cd "$c" && PYTHONHASHSEED=0 timeout 120 /usr/bin/python3.11 "$c/test.py" > "$work/ref.cpython" 2>&1;
     echo "exit status $?" >> "$work/ref.cpython")
    (cd "$k" && PYTHONHASHSEED=0 timeout 120 "$krait" "$k/test.py" > "$work/ref.krait" 2>&1;
     echo "exit status $?" >> "$work/ref.krait")
    compare "ref (CPython's output first)" "$work/ref.cpython" "$work/ref.krait"
else
    build_fail ref "$work/ref.build"
fi

# ---- krait: Krait's own messages ----
k=$work/krait
if cc_mod "$src/krait/good.c" "$k/good$k_suffix" $kflags 2> "$work/krait.build" &&
   cc_mod "$src/krait/multi.c" "$k/multi$k_suffix" $kflags 2>> "$work/krait.build" &&
   cc_mod "$src/ref/undef.c" "$k/undef$k_suffix" $kflags 2>> "$work/krait.build" &&
   cc_mod "$src/krait/good.c" "$k/good$c_suffix" $cflags 2>> "$work/krait.build" &&
   cc_mod "$src/krait/good.c" "$k/cpyonly$c_suffix" $cflags -DGOOD_NAME=cpyonly 2>> "$work/krait.build"; then
    cp "$src/krait/test.py" "$k/"
    echo "not an ELF file" > "$k/notelf$k_suffix"
    (cd "$k" && PYTHONHASHSEED=0 timeout 120 "$krait" "$k/test.py" 2>&1 | sed "s|$k/||g" > "$work/krait.out";
     echo "exit status ${PIPESTATUS[0]}" >> "$work/krait.out")
    [ -n "${REGEN:-}" ] && cp "$work/krait.out" "$src/krait/expected.out"
    compare krait "$src/krait/expected.out" "$work/krait.out"
else
    build_fail krait "$work/krait.build"
fi

# ---- noaccess: an embedding application with native access off ----
k=$work/noaccess
mkdir -p "$k"
if cc_mod "$src/krait/good.c" "$k/good$k_suffix" $kflags 2> "$work/noaccess.build" &&
   cc_mod "$src/krait/multi.c" "$k/multi$k_suffix" $kflags 2>> "$work/noaccess.build" &&
   ${CC:-gcc} -std=c11 -g -O1 -rdynamic ${SAN_CFLAGS:-} -I"$root/include" -D_GNU_SOURCE \
       "$src/noaccess/host.c" -o "$k/host" -Wl,--whole-archive "$bdir/libkrait.a" \
       -Wl,--no-whole-archive -lm -lpthread -ldl 2>> "$work/noaccess.build"; then
    cp "$src/noaccess/test.py" "$src/noaccess/pure.py" "$k/"
    (cd "$k" && timeout 120 "$k/host" "$k/test.py" "$k" 2>&1 | sed "s|$k/||g" > "$work/noaccess.out";
     echo "exit status ${PIPESTATUS[0]}" >> "$work/noaccess.out")
    [ -n "${REGEN:-}" ] && cp "$work/noaccess.out" "$src/noaccess/expected.out"
    compare noaccess "$src/noaccess/expected.out" "$work/noaccess.out"
else
    build_fail noaccess "$work/noaccess.build"
fi

echo "ext_bad: $pass passed, $fail failed"
[ $fail = 0 ]
