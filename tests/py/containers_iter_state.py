import sys
for seq in ([1,2,3], (1,2,3), "abc", "héllo", range(3)):
    it = iter(seq); next(it)
    print(type(it).__name__, it.__length_hint__(), it.__reduce__()[1:], list(copy.copy(it)) if False else None)
    it2 = iter(seq); it2.__setstate__(-5); print(list(it2)); it3=iter(seq); it3.__setstate__(99); print(list(it3))
    it4 = iter(seq); list(it4); print(it4.__reduce__()[1], it4.__length_hint__())
r = reversed([1,2,3]); next(r); print(r.__reduce__()[1:], r.__length_hint__()); r.__setstate__(10); print(list(r)); print(r.__reduce__()[1])
class S:
    def __getitem__(self, i):
        if i < 3: return i*10
        raise IndexError
s = iter(S()); print(next(s), s.__length_hint__()); print(list(s), s.__reduce__()[1])
s = iter(S()); s.__setstate__(-3); print(list(s))
