class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = P(1, 2)
print(p.x, p.y)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.__dict__
except AttributeError as e:
    print("AttributeError:", e)
del p.x
try:
    p.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.x
except AttributeError as e:
    print("AttributeError:", e)
print(type(P.x).__name__, P.x, P.__slots__)
print(sorted(k for k in P.__dict__ if not k.startswith("__")))

class Q(P):
    __slots__ = ("__dict__",)
q = Q(1, 2)
q.extra = 5
print(q.extra, q.__dict__)

class W:
    __slots__ = "__weakref__"
import _weakref as weakref
w = W()
r = weakref.ref(w)
print(r() is w)

class Mangled:
    __slots__ = ("__secret",)
    def set(self, v): self.__secret = v
    def get(self): return self.__secret
m = Mangled()
m.set(7)
print(m.get(), "_Mangled__secret" in Mangled.__dict__)

for bad in [("1x",), (1,), ("a", "a b")]:
    try:
        type("Bad", (), {"__slots__": bad})
    except TypeError as e:
        print("TypeError:", e)
try:
    class Conflict:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print("ValueError:", e)
try:
    class TwoDicts:
        __slots__ = ("__dict__", "__dict__")
except TypeError as e:
    print("TypeError:", e)
try:
    class IntSlots(int):
        __slots__ = ("a",)
except TypeError as e:
    print("TypeError:", e)
class EmptyIntSlots(int):
    __slots__ = ()
print(EmptyIntSlots(5) + 1)
class S1:
    __slots__ = ("a",)
class S2:
    __slots__ = ("b",)
try:
    class S3(S1, S2): pass
except TypeError as e:
    print("TypeError:", e)
