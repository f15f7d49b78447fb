class K:
    def __init__(self, v, h):
        self.v = v
        self.h = h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        return isinstance(other, K) and self.v == other.v
    def __repr__(self):
        return "K(%r)" % self.v
d = {}
for i in range(20):
    d[K(i, 7)] = i
print(len(d), d[K(5, 7)], K(25, 7) in d, list(d)[:3])
for i in range(0, 20, 2):
    del d[K(i, 7)]
print(len(d), list(d))
d[K(0, 7)] = "back"
print(list(d)[-1], d[K(0, 7)])
s = set()
for i in range(20):
    s.add(K(i, 3))
print(len(s), K(3, 3) in s, K(30, 3) in s)
# hash -1 becomes -2
class M:
    def __hash__(self):
        return -1
print(hash(M()), {M(): 1} != {}, hash(-1), hash(-2))
# equal numbers collapse
print({1: "a", 1.0: "b", True: "c"}, {0, 0.0, False, -0.0}, {2**61 - 1: 1, 0: 2})
# __eq__ that mutates the dict
class Evil:
    def __init__(self, d):
        self.d = d
    def __hash__(self):
        return 1
    def __eq__(self, other):
        self.d.clear()
        return False
dd = {}
dd[Evil(dd)] = 1
try:
    dd[Evil(dd)] = 2
    print(len(dd))
except RuntimeError as e:
    print("RuntimeError", e)
# __eq__ raising
class Raises:
    def __hash__(self):
        return 5
    def __eq__(self, other):
        raise ValueError("no eq")
r = {Raises(): 1}
try:
    r[Raises()]
except ValueError as e:
    print("ValueError", e)
print(r.get(6, "missing"))
# NaN identity
nan = float("nan")
nd = {nan: 1}
print(nd[nan], nan in nd, float("nan") in nd, nan in [nan], nan in (nan,), nan in {nan})
# unhashable
try:
    {[]: 1}
except TypeError as e:
    print("TypeError", e)
try:
    {{}: 1}
except TypeError as e:
    print("TypeError", e)
print({(1, (2, 3)): "nested"}[(1, (2, 3))])
