import sys, types
mod = types.ModuleType("lazy_mod")
exec("""
_loaded = {}
def __getattr__(name):
    if name.startswith("lazy_"):
        _loaded[name] = True
        return name.upper()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
def __dir__():
    return ["lazy_a", "lazy_b", "real"]
real = 1
""", mod.__dict__)
sys.modules["lazy_mod"] = mod
import lazy_mod
print(lazy_mod.real, lazy_mod.lazy_thing, sorted(lazy_mod._loaded))
print(dir(lazy_mod))
try:
    lazy_mod.other
except AttributeError as e:
    print("AttributeError:", e)
from lazy_mod import lazy_x
print(lazy_x)
try:
    from lazy_mod import nope
except ImportError as e:
    print("ImportError:", e)
print(getattr(lazy_mod, "lazy_q"), hasattr(lazy_mod, "zzz"))
plain = types.ModuleType("plain_mod")
sys.modules["plain_mod"] = plain
try:
    from plain_mod import nothing
except ImportError as e:
    print("ImportError:", e)
try:
    plain.nothing
except AttributeError as e:
    print("AttributeError:", e)
