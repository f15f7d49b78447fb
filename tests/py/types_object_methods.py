class A:
    def __init__(self):
        self.a = 1
        self.b = 2

o = A()
print(sorted(k for k in dir(o) if not k.startswith("__")), "__init__" in dir(o), "__class__" in dir(o))
print(o.__sizeof__() > 0, object().__sizeof__(), type(o.__reduce_ex__(2)[0]).__name__)
print(format(o, "") == str(o), object.__format__(1, ""))
try:
    format(o, "x")
except TypeError as e:
    print("TypeError:", e)
try:
    object.__format__(o, 1)
except TypeError as e:
    print("TypeError:", e)
print(o.__getstate__(), object().__getstate__())
red = o.__reduce_ex__(2)
print(red[0].__name__, red[1] == (A,), red[2], red[3:])
red = o.__reduce_ex__(0)
print(red[0].__name__, red[1][0] is A, red[2])
print(A.__subclasshook__(), A.__init_subclass__())
print(object.__dir__(o)[:0], type(object.__dir__(o)).__name__)

class Slotted:
    __slots__ = ("x", "y")
s = Slotted()
s.x = 5
print(s.__getstate__(), s.__reduce_ex__(2)[2])

class WithArgs:
    def __init__(self, v): self.v = v
    def __getnewargs__(self): return (self.v,)
print(WithArgs(3).__reduce_ex__(2)[1][1:], WithArgs(3).__reduce_ex__(2)[2])

class CustomReduce:
    def __reduce__(self): return (CustomReduce, ())
print(CustomReduce().__reduce_ex__(2)[0].__name__)

print(object.__init_subclass__(), object.__subclasshook__(int))
try:
    class K(A, unknown=1): pass
except TypeError as e:
    print("TypeError:", e)
