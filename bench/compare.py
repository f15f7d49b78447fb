"""Benchmark runner: Krait against CPython 3.11, side by side.

Each benchmark is a program in this folder that prints a checksum.  Both
interpreters run it REPEAT times (alternating, so machine noise hits both
alike); the best wall time of each is kept, the outputs must match, and
the ratio krait/cpython is printed.  Start-up (`-c pass`) is measured the
same way.  Run by the reference python3.11; it only starts processes.
"""
import math
import os
import subprocess
import sys
import time

REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
CPYTHON = "/usr/bin/python3.11"
HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd):
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE)
    return time.perf_counter() - start, proc


def measure(krait, args):
    best = {"krait": math.inf, "cpython": math.inf}
    outputs = {}
    for _ in range(REPEAT):
        for name, exe in (("cpython", CPYTHON), ("krait", krait)):
            t, proc = run([exe] + args)
            if proc.returncode != 0:
                return None, f"{name} failed: {proc.stderr.strip().splitlines()[-1:] }"
            best[name] = min(best[name], t)
            outputs[name] = proc.stdout
    if outputs["krait"] != outputs["cpython"]:
        return None, "output differs from CPython"
    return best, None


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: compare.py KRAIT [NAME ...]")
    krait = os.path.abspath(sys.argv[1])
    names = sys.argv[2:] or sorted(f[:-3] for f in os.listdir(HERE)
                                   if f.endswith(".py") and f != "compare.py")
    print(f"{'benchmark':<18} {'cpython (s)':>11} {'krait (s)':>10} {'ratio':>7}")
    ratios = []
    failed = 0
    for name in names:
        best, err = measure(krait, [f"{name}.py"])
        if best is None:
            print(f"{name:<18} {'':>11} {'':>10} {'-':>7}  ({err})")
            failed += 1
            continue
        ratio = best["krait"] / best["cpython"]
        ratios.append(ratio)
        print(f"{name:<18} {best['cpython']:>11.3f} {best['krait']:>10.3f} {ratio:>7.2f}")
    best, err = measure(krait, ["-c", "pass"])
    if best:
        print(f"{'startup (-c pass)':<18} {best['cpython']:>11.4f} {best['krait']:>10.4f} "
              f"{best['krait'] / best['cpython']:>7.2f}")
    else:
        print(f"{'startup (-c pass)':<18} ({err})")
    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"geometric mean of {len(ratios)} ratios: {geo:.2f}"
              + (f"  ({failed} benchmarks did not run)" if failed else ""))
    else:
        print(f"no benchmark ran ({failed} failed)")


if __name__ == "__main__":
    main()
