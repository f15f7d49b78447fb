class Base:
    def f(self): return "Base.f"
    x = 1
class Mid(Base): pass
class Leaf(Mid): pass

o = Leaf()
results = []
for i in range(3):
    results.append((o.f(), o.x, Leaf.x))
print(results)
Base.f = lambda self: "patched"
Base.x = 2
print(o.f(), o.x, Leaf.x)
Mid.f = lambda self: "Mid.f"
print(o.f())
del Mid.f
print(o.f())
Leaf.x = 3
print(o.x, Mid.x)
o.x = 4
print(o.x, Leaf.x)
class Other:
    def f(self): return "Other.f"
    x = 10
Mid.__bases__ = (Other,)
print(o.f(), Leaf.x, o.x)
del Leaf.x
print(Leaf.x)
def run(obj, n):
    return [obj.f() for _ in range(n)]
print(run(o, 2))
Other.f = lambda self: "Other.patched"
print(run(o, 2))
class P:
    @property
    def v(self): return "prop"
pi = P()
pi.__dict__["v"] = "inst"
print(pi.v)
P.v = "plain"
print(pi.v)
del P.v
print(pi.v)
