def show(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", e)
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(1, 2), slice(None, None, -1))
print(s.indices(5), s.indices(100), slice(None).indices(3), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
print(slice(-100, 100, 3).indices(7), slice(10, -10, -4).indices(20), slice(2**70, None).indices(5))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) < slice(1, 3), slice(1) != slice(1))
print(s.__reduce__())
l = list(range(10))
print(l[s], l[slice(None, None, -1)], l[slice(-3, None)], "abcdef"[slice(1, 4)], (1, 2, 3)[slice(None, None, 2)])
class Idx:
    def __index__(self):
        return 2
print(l[Idx():], l[:Idx()], l[::Idx()], slice(Idx(), None).indices(5))
print(l[10**30:], l[-10**30:3], l[::10**30], l[::-10**30])
print(Ellipsis, ..., repr(...), type(...).__name__, ... is Ellipsis)
print(Ellipsis.__reduce__())
show(lambda: hash(slice(1)))
show(lambda: slice())
show(lambda: slice(1, 2, 3, 4))
show(lambda: slice(1, x=2))
show(lambda: s.indices(-1))
show(lambda: slice(1, 2, 0).indices(5))
show(lambda: s.indices("a"))
show(lambda: l["a":])
show(lambda: l[1.5:])
show(lambda: l[::0])
show(lambda: type(...)())
show(lambda: type(...)(1))
print(slice(1, "a", [2]))
print(slice(1, 2, 3) == (1, 2, 3))
m = {}
try:
    m[1:2] = 3
except TypeError as e:
    print("TypeError:", e)
