class A:
    pass
class B(A):
    pass

a, b = A(), B()
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
A.__add__ = lambda self, o: ("A.add", o)
print(a + 1, b + 2)
B.__add__ = lambda self, o: ("B.add", o)
print(a + 1, b + 2)
del B.__add__
print(b + 3)
del A.__add__
try:
    b + 4
except TypeError as e:
    print("TypeError:", e)

A.__len__ = lambda self: 7
print(len(a), len(b), bool(a))
A.__bool__ = lambda self: False
print(bool(a), bool(b))
A.__getitem__ = lambda self, k: k * 2
print(a[21], b["x"])
A.__iter__ = lambda self: iter([1, 2])
print(list(b))
A.__call__ = lambda self, *args: ("called", args)
print(a(1, 2))
A.__repr__ = lambda self: "<an A>"
print(repr(b), str(b))
A.__eq__ = lambda self, o: True
print(a == 1, b != 1)
A.__hash__ = lambda self: 99
print(hash(a), hash(b))
A.__contains__ = lambda self, x: x == "in"
print("in" in a, "out" in b)
A.__neg__ = lambda self: "neg"
print(-b)
A.__lt__ = lambda self, o: "lt"
print(a < 1, 1 > a)
A.__setitem__ = lambda self, k, v: print("setitem", k, v)
b[1] = 2
A.__delitem__ = lambda self, k: print("delitem", k)
del b[5]
A.__getattr__ = lambda self, n: "dyn " + n
print(b.whatever)
A.__setattr__ = lambda self, n, v: print("setattr", n, v)
b.q = 1
del A.__setattr__
b.q = 1
print(b.q)
try:
    int.__add__ = None
except TypeError as e:
    print("TypeError:", e)
try:
    del object.__repr__
except TypeError as e:
    print("TypeError:", e)
