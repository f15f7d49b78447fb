d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(len(k), len(v), len(it), "a" in k, 1 in v, ("a", 1) in it, ("a", 2) in it, ("a",) in it, "zz" in k)
d["d"] = 4
print(k, v, it)
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(k.mapping, it.mapping["a"], v.mapping == d)
e = {"b": 0, "c": 0, "x": 0}
print(sorted(k & e.keys()), sorted(k | e.keys()), sorted(k - e.keys()), sorted(k ^ e.keys()))
print(k & {"a", "q"}, k - {"a"} == {"b", "c", "d"}, {"a", "zz"} & k, {"a", "zz"} - k, ["a", "z"] & k if False else None)
print(sorted(k | ["q"]), sorted(["q"] | k), sorted(k ^ ["a", "q"]))
print(k == {"a", "b", "c", "d"}, k != {"a"}, k < {"a", "b", "c", "d", "e"}, k <= set(k), k > {"a"}, k >= k)
print(k == e.keys(), {"a": 1}.keys() == {"a": 2}.keys(), {"a": 1}.items() == {"a": 2}.items())
print(it & {("a", 1), ("b", 5)}, it - {("a", 1)} == {("b", 2), ("c", 3), ("d", 4)})
print(sorted({1: 2, 3: 4}.items() ^ {1: 2, 5: 6}.items()))
print({1: 2, 3: 4}.items() ^ {1: 3, 5: 6}.items() == {(1, 2), (3, 4), (1, 3), (5, 6)})
print(k.isdisjoint({"x"}), k.isdisjoint(["a"]), it.isdisjoint({("a", 1)}), k.isdisjoint(k), {}.keys().isdisjoint({}.keys()))
print(v == v, v == d.values(), list(v))
print(list(iter(k)), list(iter(v)), list(iter(it)))
print(list(reversed(k)), list(reversed(v)), list(reversed(it)))
x = {}
x[1] = x.keys()
print(x)
y = {}
y["self"] = y.items()
print(y)
z = {}
z["v"] = z.values()
print(z)
print(repr({}.keys()), repr({}.values()), repr({}.items()))
print({1: 2}.keys() & {1: 3}.keys(), {1: 2}.items() & {1: 3}.items())
print(set(k), frozenset(it) == frozenset(d.items()))
ks = d.keys()
del d["a"]
print(ks, len(ks))
try:
    hash(k)
except TypeError as e:
    print("TypeError:", e)
print(hash(v) == hash(v))
