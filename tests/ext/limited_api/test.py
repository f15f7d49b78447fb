# An abi3 extension (Py_LIMITED_API 0x030b0000) under both interpreters;
# then the same binary copied to limited_abi3.abi3.so and imported through
# the abi3 suffix.
import gc
import sys

import limited

print(limited.API == 0x030b0000, limited.KIND, limited.__doc__)
print(sorted(n for n in dir(limited) if not n.startswith("_")))

V = limited.Vec
print(V.__name__, V.__qualname__, V.__module__, V.__doc__)
v = V([1, 2, 3], label="a")
w = V(range(3), label="b")
print(repr(v), repr(w), v.n, v.label, len(v), v[0], v[2])
print(list(v), [x * 2 for x in w], sum(v), 3 in v, 7 in v)
print(v.total(), v.scale(3), v.scale(2, inplace=True), list(v))
print(repr(v + w), v == w, v > w, v <= w)
print(limited.made())

for bad in (lambda: V([1] * 9), lambda: V(["x"]), lambda: V(5),
            lambda: v[10], lambda: v + V([1]), lambda: v.scale(),
            lambda: v.scale("x"), lambda: setattr(v, "n", 4), lambda: delattr(v, "extra"),
            lambda: v.nothing, lambda: v + 1):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

v.extra = [v]          # a cycle through the GC type
v.label = "changed"
del v.label
try:
    v.label
except AttributeError as e:
    print("AttributeError", e)
del v, w
gc.collect()

class Sub(V):
    def total(self):
        return super().total() * 10

s = Sub((4, 5))
print(type(s).__name__, s.total(), repr(s), isinstance(s, V), limited.describe(s))
print(limited.describe(5), limited.describe("x"), limited.describe(V))

print(limited.parse(1, "héllo"), limited.parse(2, "x", 1.5, [1]))
for args in ((), ("a", "b"), (1, "s", "d"), (1, "s", 1.0, 2, 3)):
    try:
        limited.parse(*args)
    except TypeError as e:
        print("TypeError", e)

print(limited.total([1, 2, 3]), limited.total(x for x in range(5)), limited.total({}))
for arg in (5, [1, "a"], iter([1, None])):
    try:
        limited.total(arg)
    except TypeError as e:
        print("TypeError", e)

for kind in ("own", "key", "other"):
    try:
        limited.raise_(kind)
    except limited.Error as e:
        print("Error", e, isinstance(e, RuntimeError), limited.Error.__doc__, limited.Error.__module__)
    except KeyError as e:
        print("KeyError", e)
    except ValueError as e:
        print("ValueError", e)
try:
    limited.raise_(3)
except TypeError as e:
    print("TypeError", e)

print(limited.catch(lambda: 42), limited.catch(lambda: 1 / 0), limited.catch(lambda: {}["k"]))
print(limited.catch(lambda: limited.raise_("own")))
try:
    limited.catch(lambda: sys.exit(3))
except SystemExit as e:
    print("SystemExit", e.code)

print(limited.checksum(b"abc"), limited.checksum(bytearray(b"\x00\xff")), limited.checksum(memoryview(b"xy")))
try:
    limited.checksum("str")
except TypeError as e:
    print("TypeError", e)

print(limited.call(lambda s, n: (s, n), "abcdef"))
print(limited.dict_items({"b": 2, "a": 1}))
try:
    limited.dict_items([])
except TypeError as e:
    print("TypeError", e)

# The same binary through the abi3 suffix, under its second init name.
here = limited.__file__.rpartition("/")[0]
with open(limited.__file__, "rb") as f:
    data = f.read()
with open(here + "/limited_abi3.abi3.so", "wb") as f:
    f.write(data)
import limited_abi3
print(limited_abi3.__name__, limited_abi3.__file__.rpartition("/")[2], limited_abi3 is not limited)
print(repr(limited_abi3.Vec([7])), limited_abi3.Vec is not limited.Vec, limited_abi3.made())

import limited_old
print(limited_old.add(2, 3), repr(limited_old.Pair(1, 2)), limited_old.Pair(1, 2).sum())
try:
    limited_old.add("a", 1)
except TypeError as e:
    print("TypeError", e)
