# weakref proxies forward operations and fail once the referent is gone
from _weakref import proxy, ProxyType, CallableProxyType, getweakrefcount

class Box:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Box(self.v + (o.v if isinstance(o, Box) else o))
    def __len__(self):
        return self.v
    def __getitem__(self, i):
        return i * 2
    def __str__(self):
        return f"Box {self.v}"
    def __eq__(self, o):
        return isinstance(o, Box) and o.v == self.v
    __hash__ = None
    def __bool__(self):
        return self.v != 0
    def __call__(self, x):
        return x + self.v
    def __iter__(self):
        return iter(range(self.v))

b = Box(3)
p = proxy(b)
print(type(p) is CallableProxyType, p.v, (p + 1).v, len(p), p[4], str(p), p == Box(3), bool(p))
print(p(10), list(p), 2 in p)
p.v = 5
print(b.v, p is proxy(b), getweakrefcount(b))
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
class Plain:
    pass
pl = Plain()
pp = proxy(pl)
print(type(pp) is ProxyType)
del b
for f in [lambda: p.v, lambda: len(p), lambda: str(p), lambda: p + 1]:
    try:
        f()
    except ReferenceError as e:
        print("ReferenceError:", e)
log = []
x = Plain()
px = proxy(x, lambda r: log.append("cb"))
del x
print(log)
