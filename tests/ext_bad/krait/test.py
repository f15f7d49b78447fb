# Importing extension modules that Krait refuses with messages of its own
# (no CPython reference): output compared with expected.out.  The runner
# builds undef (unresolvable symbol), writes notelf (a text file with the
# extension suffix), and builds good.c for CPython as `good` and `cpyonly`.
import sys


def attempt(case, name):
    try:
        mod = __import__(name)
    except BaseException as exc:
        print(f"{case}: {type(exc).__name__}: {exc}")
        if isinstance(exc, ImportError):
            print(f"    name={exc.name!r} path={exc.path!r}")
    else:
        print(f"{case}: imported, built for {getattr(mod, 'built_for', '?')}")
    print(f"    in sys.modules: {name in sys.modules}")


attempt("undefined symbol", "undef")
attempt("not an ELF file", "notelf")
attempt("not an ELF file, again", "notelf")
attempt("built for CPython", "cpyonly")
attempt("built for CPython, again", "cpyonly")
attempt("Krait build beside a CPython build", "good")
attempt("multi-phase", "multi")
print("answer:", sys.modules["multi"].answer)
