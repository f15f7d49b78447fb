# Destroying dicts: each entry's key then its value, in insertion order;
# objects shared with the outside survive; an object held twice (as a key
# and a value, or by two entries) dies once, when its last reference goes;
# deeply nested dicts are destroyed without exhausting the C stack.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return hash(self.name)

    def __eq__(self, other):
        return self is other

    def __del__(self):
        print("  del", self.name)


print("order")
d = {Noisy("k1"): Noisy("v1"), Noisy("k2"): Noisy("v2")}
del d
print("shared")
keep = Noisy("kept")
d = {"a": Noisy("x"), "b": keep, "c": Noisy("y")}
del d
print("kept alive:", keep.name)
print("key is value")
n = Noisy("both")
d = {n: n}
del n
del d
print("two entries")
n = Noisy("twice")
d = {1: n, 2: n, 3: Noisy("other")}
del n
del d
print("value holds a later key")
k = Noisy("laterkey")
d = {"first": [k], k: Noisy("val")}
del k
del d
print("after deletions")
d = {i: Noisy(f"n{i}") for i in range(4)}
del d[1]
d[9] = Noisy("n9")
del d
print("subclass")


class D(dict):
    pass


d = D(a=Noisy("sub"))
del d
print("kwargs")


def f(**kw):
    return len(kw)


print(f(a=Noisy("kwa"), b=2))
deep = {}
for i in range(100000):
    deep = {"d": deep}
del deep
print("deep done")
