class A:
    cls_attr = 1
    def __init__(self):
        self.x = 1
a = A()
print(vars(a), a.__dict__ is vars(a))
a.__dict__["y"] = 2
print(a.y, sorted(vars(a)))
a.__dict__ = {"z": 3}
print(a.z, hasattr(a, "x"))
for bad in [1, None, []]:
    try:
        a.__dict__ = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    del a.__dict__
except TypeError as e:
    print("TypeError:", e)
try:
    vars(1)
except TypeError as e:
    print("TypeError:", e)
print(type(vars(A)).__name__, "cls_attr" in vars(A))
class S:
    __slots__ = ()
try:
    S().__dict__
except AttributeError as e:
    print("AttributeError:", e)
try:
    vars(S())
except TypeError as e:
    print("TypeError:", e)
d = A.__dict__["__dict__"]
print(d, d.__doc__, d.__get__(a))
w = A.__dict__["__weakref__"]
print(w, w.__get__(a))
import _weakref
r = _weakref.ref(a)
print(w.__get__(a) is r)
class Sub(A):
    pass
print("__dict__" in Sub.__dict__, Sub().__dict__)
