#!/usr/bin/env python3
"""Compares Krait's parser with CPython 3.11's on a list of files.

usage: compare.py ASTDUMP_BINARY LISTFILE [--show N]

For files CPython parses: the dump must be identical.  For files it
rejects: (class, msg, lineno, offset) must match.  Run with the reference
interpreter (/usr/bin/python3.11)."""
import ast, subprocess, sys, warnings

def reference(path):
    src = open(path, "rb").read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            t = ast.parse(src)
        return "OK " + ast.dump(t, include_attributes=True)
    except SyntaxError as e:
        return "ERR %s|%s|%s|%s" % (type(e).__name__, e.msg, e.lineno, e.offset)
    except (ValueError, MemoryError, RecursionError) as e:
        return "ERR %s|%s|%s|%s" % (type(e).__name__, str(e), 0, 0)

def main():
    binary, listfile = sys.argv[1], sys.argv[2]
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 5
    files = [l.strip() for l in open(listfile) if l.strip()]
    out = subprocess.run([binary, "-l", listfile], capture_output=True,
                         text=True, errors="surrogateescape").stdout.split("\n")
    ok = bad = 0
    shown = 0
    for i, f in enumerate(files):
        mine = out[i] if i < len(out) else "(missing)"
        ref = reference(f)
        if ref.startswith("ERR MemoryError") or ref.startswith("ERR RecursionError"):
            # CPython's limit differs from ours; any error is acceptable
            same = mine.startswith("ERR")
        else:
            same = mine == ref
        if same:
            ok += 1
        else:
            bad += 1
            if shown < show:
                shown += 1
                print("MISMATCH", f)
                if mine.startswith("OK") and ref.startswith("OK"):
                    k = 0
                    while k < min(len(mine), len(ref)) and mine[k] == ref[k]:
                        k += 1
                    print("  mine:", mine[max(0, k - 150):k + 150])
                    print("  ref: ", ref[max(0, k - 150):k + 150])
                else:
                    print("  mine:", mine[:300])
                    print("  ref: ", ref[:300])
    print("%d/%d match, %d mismatch" % (ok, ok + bad, bad))
    return 1 if bad else 0

sys.exit(main())
