import types
d = {"a": 1, "b": 2}
mp = types.MappingProxyType(d)
print(mp, len(mp), mp["a"], "b" in mp, "z" in mp, list(mp), mp.get("z"), mp.get("z", 0), mp.get("a"))
print(sorted(mp.keys()), sorted(mp.values()), sorted(mp.items()), mp.copy() == d, type(mp.copy()).__name__)
print(str(mp), mp == d, mp != d, list(reversed(mp)))
d["c"] = 3
print(len(mp), mp["c"])
try:
    mp["x"] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    del mp["a"]
except TypeError as e:
    print("TypeError:", e)
try:
    mp["nope"]
except KeyError as e:
    print("KeyError:", e)
print(mp | {"z": 26})
try:
    mp |= {"z": 1}
except TypeError as e:
    print("TypeError:", e)
for bad in [[1], (1,), 1]:
    try:
        types.MappingProxyType(bad)
    except TypeError as e:
        print("TypeError:", e)
class A:
    x = 1
print(type(A.__dict__) is types.MappingProxyType, A.__dict__["x"])
try:
    A.__dict__.x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    mp.get()
except TypeError as e:
    print("TypeError:", e)
