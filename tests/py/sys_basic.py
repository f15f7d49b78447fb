# The parts of sys a program relies on.
import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 11))
print(sys.implementation.name in ("cpython", "krait"), sys.implementation.cache_tag.endswith("-311"))
print(sys.maxsize == 2**63 - 1, sys.byteorder, sys.maxunicode)
print(type(sys.argv), sys.argv[0].endswith("sys_basic.py"))
print(isinstance(sys.path, list), type(sys.modules).__name__, "sys" in sys.modules)
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
print(sys.intern("hello") is sys.intern("hel" + "lo"))
print(sys.exc_info())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None, sys.exception() is v)
print(sys.exc_info() == (None, None, None))
print(sys.getsizeof(0) > 0, sys.getsizeof([], 5) > 0)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig)
print(sys.int_info.bits_per_digit, sys.hash_info.modulus == 2**61 - 1, sys.hash_info.algorithm)
print(sys.get_int_max_str_digits())
print(sys.getdefaultencoding(), sys.getfilesystemencoding())
print(sys.stdout.encoding, sys.stderr.errors)
print(callable(sys.displayhook), sys.displayhook is sys.__displayhook__)
print(sys.flags.optimize, sys.flags.isolated)
f = sys._getframe()
print(f.f_code.co_name, sys._getframe(0).f_lineno)
sys.exit(3)
