def show(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate("abc", start=-2)), list(enumerate([], 5)))
print(list(enumerate(iterable="ab")), list(enumerate(start=3, iterable="ab")), list(enumerate("ab", 10**20)))
e = enumerate("xyz")
print(type(e).__name__, next(e), e.__reduce__()[1][1])
big = enumerate("ab", 2**63 - 1)
print(list(big))
show(lambda: enumerate())
show(lambda: enumerate(1))
show(lambda: enumerate([], 1.5))
show(lambda: enumerate([], 1, 2))
show(lambda: enumerate([], foo=1))
show(lambda: enumerate(iterable=[], start=1, x=2))
show(lambda: enumerate(foo=1))
show(lambda: enumerate(start=1))
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(3))))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
r = reversed(Seq())
print(type(r).__name__, r.__length_hint__(), list(r), r.__length_hint__())
class Rev:
    def __reversed__(self):
        return iter([9, 8])
print(list(reversed(Rev())))
class NoRev:
    __reversed__ = None
    def __len__(self):
        return 0
    def __getitem__(self, i):
        raise IndexError
show(lambda: reversed(NoRev()))
show(lambda: reversed(1))
show(lambda: reversed({1: 2}.items()) and None)
show(lambda: reversed({1, 2}))
show(lambda: reversed())
show(lambda: reversed([], []))
show(lambda: reversed([], x=1))
r2 = reversed(Seq())
print(r2.__reduce__()[2], next(r2), r2.__reduce__()[2])
r2.__setstate__(0)
print(list(r2))
print(list(enumerate(reversed("ab"))), enumerate[int])
class E(enumerate):
    pass
print(list(E("ab", 1)))
