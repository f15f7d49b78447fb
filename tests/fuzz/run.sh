#!/usr/bin/env bash
# Builds the libFuzzer target for the tokenizer and parser (pure C, no
# runtime needed) with clang, and fuzzes it for a bounded time from the
# seed corpus.  A crash, leak or sanitizer report fails the run.
#   usage: tests/fuzz/run.sh [SECONDS]   (default 60; FUZZ_SECONDS overrides)
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
secs=${FUZZ_SECONDS:-${1:-60}}
out="$root/build/fuzz"
mkdir -p "$out/corpus"
if ! command -v clang >/dev/null; then
    echo "fuzz: clang not found"; echo "fuzz: 0 passed, 1 failed"; exit 1
fi
if ! clang -g -O1 -fsanitize=fuzzer,address,undefined -I"$root/include" -I"$root/src" \
        -DKR_BUILD_CORE -D_GNU_SOURCE "$here"/fuzz_*.c "$root"/src/parser/*.c -o "$out/fuzz_parser" 2> "$out/build.log"; then
    echo "fuzz: build failed"; tail -20 "$out/build.log"; echo "fuzz: 0 passed, 1 failed"; exit 1
fi
cp "$here"/corpus/* "$out/corpus/" 2>/dev/null
if (cd "$out" && ASAN_OPTIONS=detect_leaks=1 timeout $((secs + 60)) ./fuzz_parser -max_total_time="$secs" \
        -max_len=4096 -timeout=10 -rss_limit_mb=2048 corpus > fuzz.log 2>&1); then
    echo "fuzz: $(grep -oE '#[0-9]+' "$out/fuzz.log" | tail -1 | tr -d '#') inputs in ${secs}s, no crash"
    echo "fuzz: 1 passed, 0 failed"
else
    echo "fuzz: crash or error:"; grep -E "ERROR|SUMMARY|Test unit written" "$out/fuzz.log" | head -10
    echo "fuzz: 0 passed, 1 failed"; exit 1
fi
