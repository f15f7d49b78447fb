#!/usr/bin/env bash
# ABI manifest tests.  Checks, each family of symbols counting as one test:
#   - include/manifest.txt is up to date with the headers (tools/gen_manifest.py);
#   - every function and every data symbol of the manifest is exported by
#     BUILD/libkrait.so and by BUILD/krait (nm -D);
#   - every Py* function and data symbol CPython 3.11's libpython exports
#     and declares in its public headers is exported by libkrait.so and by
#     krait (PyInit_* excluded: those are the standard-library modules;
#     symbols declared only under include/python3.11/internal/ are
#     CPython's own, not API);
#   - every symbol of CPython 3.11's stable ABI (PEP 384/652: the list
#     CPython's test suite carries in test/test_stable_abi_ctypes.py, with
#     the platform-guarded extras that apply to Linux) is exported by
#     libkrait.so and by krait, so that abi3 extensions resolve.
# Missing symbols are listed.  Prints "abi: N passed, N failed".
#   usage: tests/run_abi.sh [BUILD_DIR]
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
libpython=/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
case $build in /*) bdir=$build ;; *) bdir=$root/$build ;; esac
pass=0; fail=0

result() {   # $1 = name, $2 = file listing missing symbols
    if [ -s "$2" ]; then
        fail=$((fail + 1))
        echo "FAIL $1: $(wc -l < "$2") missing:"
        sed 's/^/    /' "$2"
    else
        pass=$((pass + 1))
        echo "ok   $1"
    fi
}

# exported defined symbols of a binary, one per line, sorted
exports() { nm -D --defined-only "$1" 2>/dev/null | awk 'NF >= 3 {print $3}' | sed 's/@.*//' | sort -u; }

if /usr/bin/python3.11 "$root/tools/gen_manifest.py" --check 2>"$tmp/stale"; then
    : > "$tmp/stale"
fi
result "manifest up to date" "$tmp/stale"

manifest="$root/include/manifest.txt"
grep '^function ' "$manifest" | awk '{print $2}' | sort -u > "$tmp/m_function"
grep '^data ' "$manifest" | awk '{print $2}' | sort -u > "$tmp/m_data"
cinc=/usr/include/python3.11
grep -ohE '\bPy[A-Za-z0-9_]+' "$cinc"/*.h "$cinc"/cpython/*.h | sort -u > "$tmp/c_public"
nm -D --defined-only "$libpython" | awk '$3 ~ /^Py/ && $3 !~ /^PyInit_/ && ($2 == "T" || $2 == "W") {print $3}' | sort -u | comm -12 - "$tmp/c_public" > "$tmp/c_function"
nm -D --defined-only "$libpython" | awk '$3 ~ /^Py/ && $3 !~ /^PyInit_/ && $2 != "T" && $2 != "W" {print $3}' | sort -u | comm -12 - "$tmp/c_public" > "$tmp/c_data"

# The stable ABI: SYMBOL_NAMES, plus the blocks guarded by feature macros
# that hold on Linux (fork, native thread ids); not MS_WINDOWS, and not
# USE_STACKCHECK or Py_REF_DEBUG, which a release build does not define.
stable_list=/usr/lib/python3.11/test/test_stable_abi_ctypes.py
/usr/bin/python3.11 - "$stable_list" > "$tmp/c_stable" 2> "$tmp/c_stable_err" <<'EOF'
import ast, sys
tree = ast.parse(open(sys.argv[1]).read())
names = set()
def strings(node):
    return {e.value for e in ast.walk(node) if isinstance(e, ast.Constant) and isinstance(e.value, str)}
for node in tree.body:
    if isinstance(node, ast.Assign) and getattr(node.targets[0], 'id', '') == 'SYMBOL_NAMES':
        names |= strings(node.value)
    elif isinstance(node, ast.If):
        if strings(node.test) & {'HAVE_FORK', 'PY_HAVE_THREAD_NATIVE_ID'}:
            for stmt in node.body:
                names |= strings(stmt)
print('\n'.join(sorted(names)))
EOF
[ -s "$tmp/c_stable" ] || echo "cannot read the stable ABI list from $stable_list" >> "$tmp/c_stable_err"

for bin in libkrait.so krait; do
    path="$bdir/$bin"
    if [ ! -f "$path" ]; then
        echo "no $path" > "$tmp/nobin"
        result "$bin exists" "$tmp/nobin"
        continue
    fi
    exports "$path" > "$tmp/exports"
    for kind in function data; do
        comm -23 "$tmp/m_$kind" "$tmp/exports" > "$tmp/miss"
        result "manifest $kind symbols exported by $bin" "$tmp/miss"
        comm -23 "$tmp/c_$kind" "$tmp/exports" > "$tmp/miss"
        result "CPython 3.11 Py* $kind symbols exported by $bin" "$tmp/miss"
    done
    if [ -s "$tmp/c_stable" ]; then
        comm -23 "$tmp/c_stable" "$tmp/exports" > "$tmp/miss"
    else
        cp "$tmp/c_stable_err" "$tmp/miss"
    fi
    result "CPython 3.11 stable ABI symbols exported by $bin" "$tmp/miss"
done
echo "abi: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
