class Seq:
    def __init__(self, *items): self.items = list(items)
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
class Map:
    def __init__(self, **kw): self.d = kw
    def keys(self): return self.d.keys()
    def __getitem__(self, k): return self.d[k]
s = Seq(3, 1, 2)
print(list(s), tuple(s), sorted(s), len(s), s[-1], list(reversed(s)), 2 in s, max(s))
print(dict(Map(a=1, b=2)), {**Map(x=1)})
def kw(**k): return k
print(kw(**Map(q=5)))
try:
    kw(**[1])
except TypeError as e:
    print("TypeError:", e)
try:
    dict([[1, 2, 3]])
except ValueError as e:
    print("ValueError:", e)
print(list(map(lambda x: x * 2, s)), list(zip(s, "abc")), list(enumerate(s)))
a, b, c = s
print(a, b, c)
try:
    x, y = s
except ValueError as e:
    print("ValueError:", e)
print([*s], (*s,), {*s} == {1, 2, 3})
print(sum(s), min(s), any(s), all(s), "-".join(str(v) for v in s))
print(divmod(7, 2), pow(2, 5), pow(2, 5, 3), round(2.5), abs(-2))
class Sized:
    def __len__(self): return 3
print(len(Sized()), list(range(Sized().__len__())))
class Idx:
    def __index__(self): return 1
print([10, 20][Idx()], "abc"[Idx():], (1, 2, 3)[:Idx()])
