# Run by host.c in a context with allow_native_access off (native == 0),
# then in one with it on: every native module is refused with an
# ImportError naming the option, and everything else still imports.
import sys

print(f"--- allow_native_access = {native}")
for name in ["good", "multi"]:
    try:
        mod = __import__(name)
    except ImportError as exc:
        print(f"{name}: ImportError: {exc}")
        print(f"    name={exc.name!r} path={exc.path.rsplit('/', 1)[-1]!r}")
    else:
        print(f"{name}: imported, built for {getattr(mod, 'built_for', None)}")
    print(f"    in sys.modules: {name in sys.modules}")
import marshal
import gc
print("built-in modules still import:", marshal.__name__, gc.__name__)
import pure
print("pure-Python modules still import:", pure.VALUE)
