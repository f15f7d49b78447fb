d = dict.fromkeys(range(5))
print(d)
print(d.pop(0), d.pop(0, "x"), d.get(1, "y"), d.setdefault(1, "z"), d.setdefault(9, "n"))
print(d)
print(d.popitem(), d)
d.update({1: "one"}, **{"two": 2})
print(d)
d.update([["a", "b"], ("c", "d"), "ef"])
print(d)
print(dict(a=1, **{"b": 2}), dict({"a": 1}, a=2), dict([("a", 1)], a=3))
e = {}
e.setdefault("k", []).append(1)
e.setdefault("k", []).append(2)
print(e)
print({1: 2}.get(1.0), {1.0: "f"}.get(True), {(1, 2): 0}.get((1.0, 2.0)))
f = {i: str(i) for i in range(5)}
print(f.keys() - {0, 1}, sorted(f.values()), [k for k, v in f.items() if v > "2"])
g = {}
g[None] = None
print(g, g[None], None in g)
print(dict.fromkeys([]), dict.fromkeys("aab"), dict.fromkeys({1, 2}), dict.fromkeys(dict.fromkeys("xy"), 0))
class Pairs:
    def __iter__(self):
        return iter([("p", 1), ("q", 2)])
print(dict(Pairs()))
print({"a": 1}.__len__(), {}.__sizeof__() > 0, dict.__name__, {}.get.__name__)
