"""Benchmark runner: Krait against CPython 3.11, side by side.

Each benchmark is a program in this folder that prints a checksum.  Both
interpreters run it REPEAT times (alternating, so machine noise hits both
alike); the best wall time of each is kept, the outputs must match, and
the ratio krait/cpython is printed.  Start-up (`-c pass`) is measured the
same way.  Run by the reference python3.11; it only starts processes.

The "C extension calls" block times ext/*.py, which call into one C
module, ext/cbench.c, built here twice with the same compiler flags:
against Krait's headers (next to the krait executable, in bench_ext/)
and against CPython 3.11's.  Both builds sit in one folder, each
interpreter picking its own by the extension suffix.  The block has its
own geometric mean.
"""
import math
import os
import subprocess
import sys
import sysconfig
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


def build_extension(krait):
    """Builds ext/cbench.c for both interpreters; returns the folder."""
    out = os.path.join(os.path.dirname(krait), "bench_ext")
    os.makedirs(out, exist_ok=True)
    src = os.path.join(HERE, "ext", "cbench.c")
    root = os.path.dirname(HERE)
    kcfg = os.path.join(os.path.dirname(krait), "krait-config")
    ksuffix = subprocess.run([kcfg, "--extension-suffix"], capture_output=True,
                             text=True, check=True).stdout.strip()
    flags = ["-O2", "-g", "-fPIC", "-shared", "-Wall", "-Werror"]
    builds = [
        ([f"-I{os.path.join(root, 'include')}"], "cbench" + ksuffix),
        ([f"-I{sysconfig.get_paths()['include']}"], "cbench" + sysconfig.get_config_var("EXT_SUFFIX")),
    ]
    for includes, name in builds:
        cc = os.environ.get("CC", "gcc")
        proc = subprocess.run([cc] + includes + flags + [src, "-o", os.path.join(out, name)],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit(f"building {name} failed:\n{proc.stderr}")
    return out


def geomean(ratios, failed, what):
    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"geometric mean of {len(ratios)} {what}: {geo:.2f}"
              + (f"  ({failed} benchmarks did not run)" if failed else ""))
    else:
        print(f"no benchmark ran ({failed} failed)")


def block(krait, names, args):
    """Times each program; prints a line per program and returns
    (ratios, number that failed)."""
    ratios = []
    failed = 0
    for name in names:
        best, err = measure(krait, [f"{name}.py"] + args)
        label = os.path.basename(name)
        if best is None:
            print(f"{label:<18} {'':>11} {'':>10} {'-':>7}  ({err})")
            failed += 1
            continue
        ratio = best["krait"] / best["cpython"]
        ratios.append(ratio)
        print(f"{label:<18} {best['cpython']:>11.3f} {best['krait']:>10.3f} {ratio:>7.2f}")
    return ratios, failed


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: compare.py KRAIT [NAME ...]")
    krait = os.path.abspath(sys.argv[1])
    names = sys.argv[2:]
    if names:
        ext_names = [f"ext/{n}" for n in names if n.startswith("ext_")]
        names = [n for n in names if not n.startswith("ext_")]
    else:
        names = sorted(f[:-3] for f in os.listdir(HERE)
                       if f.endswith(".py") and f != "compare.py")
        ext_names = sorted(f"ext/{f[:-3]}" for f in os.listdir(os.path.join(HERE, "ext"))
                           if f.endswith(".py"))
    print(f"{'benchmark':<18} {'cpython (s)':>11} {'krait (s)':>10} {'ratio':>7}")
    if names:
        ratios, failed = block(krait, names, [])
        best, err = measure(krait, ["-c", "pass"])
        if best:
            print(f"{'startup (-c pass)':<18} {best['cpython']:>11.4f} {best['krait']:>10.4f} "
                  f"{best['krait'] / best['cpython']:>7.2f}")
        else:
            print(f"{'startup (-c pass)':<18} ({err})")
        geomean(ratios, failed, "ratios")
    if ext_names:
        print("C extension calls")
        ratios, failed = block(krait, ext_names, [build_extension(krait)])
        geomean(ratios, failed, "C extension call ratios")


if __name__ == "__main__":
    main()
