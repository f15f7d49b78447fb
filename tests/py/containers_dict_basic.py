d = {"a": 1, "b": 2}
print(d, len(d), d["a"], d.get("b"), d.get("z"), d.get("z", 0))
d["c"] = 3; print(d)
d["a"] = 10; print(d)
del d["b"]; print(d)
d["b"] = 20; print(d)
print("a" in d, "q" in d, "q" not in d)
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.setdefault("a", 99), d.setdefault("n", 99), d.setdefault("m"), d)
print(d.pop("n"), d.pop("zz", "dflt"), d)
print(d.popitem(), d.popitem(), d)
d.update({"x": 1}, y=2); print(d)
d.update([("p", 1), ("q", 2)]); print(d)
d.update(k=1); print(d)
d.update(); print(d)
e = d.copy(); e.clear(); print(e, len(d))
print(dict(), dict(a=1), dict([(1, 2), (3, 4)]), dict({1: 2}, b=3), dict(zip("ab", range(2))))
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys({3: 1, 4: 2}, "v"), dict.fromkeys(range(3), []))
print({1: 2} == {1: 2}, {1: 2} == {1: 3}, {1: 2} != {2: 1}, {} == {}, {1: 1, 2: 2} == {2: 2, 1: 1})
print({1: 2} | {3: 4}, {1: 2} | {1: 5})
f = {1: 2}; f |= {3: 4}; print(f)
f |= [(5, 6)]; print(f)
print(list(reversed({1: 2, 3: 4, 5: 6})), list(reversed({})))
print(list(reversed({1: 2, 3: 4}.keys())), list(reversed({1: 2, 3: 4}.values())), list(reversed({1: 2, 3: 4}.items())))
print({True: "t", 1: "one", 1.0: "float"})
print({(1, 2): "tuple", frozenset([1]): "fs", None: 0, 3.5: "f"})
g = {}
for i in range(100):
    g[i] = i * i
print(len(g), g[50], sum(g.values()))
for i in range(0, 100, 2):
    del g[i]
print(len(g), list(g)[:5], list(g)[-3:])
for i in range(100, 110):
    g[i] = 0
print(list(g)[-12:])
print(dict(g) == g, g.copy() == g)
class D(dict):
    def __missing__(self, key):
        return key * 2
dd = D(a=1)
print(dd["a"], dd["zz"], dd.get("zz"), "zz" in dd, type(dd).__name__, dd)
class E(dict):
    pass
ee = E()
try:
    ee["nope"]
except KeyError as exc:
    print("KeyError", exc, repr(exc), exc.args)
print(dict[str, int], {1: 2}.__class__.__name__)
h = {}
h[1] = "a"; h[1.0] = "b"; h[True] = "c"
print(h)
keys = ["k%d" % i for i in range(30)]
big = dict.fromkeys(keys, 1)
for k in keys[::3]:
    del big[k]
print(list(big)[:6], len(big))
big["k0"] = 2
print(list(big)[-2:])
print(d.__contains__("a"), d.__getitem__("a"), d.__len__())
print({**{"a": 1}, **{"b": 2}, "a": 3})
x, y = {"x": 1, "y": 2}
print(x, y)
print(sorted({3: "c", 1: "a", 2: "b"}.items()))
