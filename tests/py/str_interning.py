import sys
a = "hello"
b = "hel" + "lo"
c = sys.intern("".join(["hel", "lo"]))
print(a == b == c, sys.intern(a) is sys.intern(b), c is sys.intern("hello"))
d = "".join(["x", "y", "z"])
e = sys.intern(d)
print(e is d, sys.intern("xyz") is e)
try:
    sys.intern(1)
except TypeError as ex:
    print(ex)
class S(str):
    pass
try:
    sys.intern(S("a"))
except TypeError as ex:
    print(ex)
lit_a, empty = "a", ""
print("".join([]) is empty, str() is empty, lit_a == chr(97))
