class Counter(dict):
    def __missing__(self, key):
        return 0
c = Counter()
for ch in "mississippi":
    c[ch] = c[ch] + 1
print(c, sorted(c.items()))
class Default(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory
    def __missing__(self, key):
        v = self[key] = self.factory()
        return v
dd = Default(list)
dd["a"].append(1)
dd["a"].append(2)
dd["b"].append(3)
print(dd, dict(dd), dd.factory)
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
u = Upper()
u["x"] = 1
u.update(y=2)
print(u)
class Keys:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k * 2
print(dict(Keys()), {**Keys()} if False else None)
d = {}
d.update(Keys())
print(d)
class OD(dict):
    pass
o = OD(a=1, b=2)
print(o, o == {"a": 1, "b": 2}, type(o.copy()).__name__, type(o | {}).__name__, o.keys())
print(OD.fromkeys("ab", 0), type(OD.fromkeys("ab")).__name__)
class WithAttr(dict):
    pass
w = WithAttr()
w.attr = 5
print(w.attr, w)
print(isinstance(o, dict), issubclass(OD, dict))
