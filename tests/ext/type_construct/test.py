import gc
import construct as c


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        if isinstance(r, (tuple, int, str, type(None))):
            print(label, r)
        else:
            print(label, type(r).__name__)


for name in ("Generic", "InheritNew", "Init", "PositiveInit", "ViaMeta", "SpecPlain", "Spec",
             "SpecNoNew"):
    t = getattr(c, name)
    show(name + "()", t)
    show(name + "(1)", lambda: t(1))
    show(name + "(k=1)", lambda: t(k=1))
    show(name + "(*(), **{})", lambda: t(*(), **{}))
    show(name + " fields", lambda: t().fields())

show("Init args", lambda: c.Init(1, 2, k=3).fields())
show("Init none", lambda: c.Init().fields())
show("Spec args", lambda: c.Spec(1, k=2, j=3).fields())
show("PositiveInit fields", lambda: c.PositiveInit().fields())
show("NoNew()", c.NoNew)
show("NullNew()", c.NullNew)
show("ErrorNew()", c.ErrorNew)
show("OtherNew()", c.OtherNew)
show("OtherNew(1)", lambda: c.OtherNew(1))
show("ViaMetaCall()", c.ViaMetaCall)
show("ViaMetaCall(1, 2)", lambda: c.ViaMetaCall(1, 2))
print(type(c.ViaMeta).__name__, type(c.ViaMetaCall).__name__)

# Freed blocks are reused: a fresh object must come back cleared.
for _ in range(3):
    objs = [c.Generic() for _ in range(50)]
    for o in objs:
        o.dirty()
    del objs
    print(set(c.Generic().fields() for _ in range(50)))

n = c.Node()
print("Node tracked", gc.is_tracked(n))
n.set(n)
del n
print("collected", gc.collect() >= 1)

show("Var()", lambda: c.Var().info())
show("Var(5)", lambda: c.Var(5).info())
show("Var(-1)", lambda: c.Var(-1))

print("call_ways", c.call_ways(c.Generic))
print("call_ways", c.call_ways(c.SpecPlain))
show("call_ways NullNew", lambda: c.call_ways(c.NullNew))
show("call_ways OtherNew", lambda: c.call_ways(c.OtherNew))

before = c.refcnt(c.SpecPlain)
keep = [c.SpecPlain() for _ in range(10)]
print("heap refs", c.refcnt(c.SpecPlain) - before)
del keep
print("heap refs", c.refcnt(c.SpecPlain) - before)


class PySub(c.Generic):
    pass


class PySubInit(c.Generic):
    def __init__(self, *a, **k):
        print("PySubInit.__init__", a, k)


class PySubNew(c.Init):
    def __new__(cls, *a, **k):
        print("PySubNew.__new__", a, k)
        return super().__new__(cls)


class NodeSub(c.Node):
    pass


class SpecSub(c.Spec):
    pass


show("PySub()", lambda: PySub().fields())
show("PySub(1)", lambda: PySub(1).fields())
show("PySubInit()", lambda: PySubInit().fields())
show("PySubInit(1, k=2)", lambda: PySubInit(1, k=2).fields())
show("PySubNew()", lambda: PySubNew().fields())
show("PySubNew(1, k=2)", lambda: PySubNew(1, k=2).fields())
show("SpecSub(1, 2)", lambda: SpecSub(1, 2).fields())
ns = NodeSub()
print("NodeSub tracked", gc.is_tracked(ns), type(ns).__name__)
ns.attr = ns
del ns
print("collected", gc.collect() >= 1)


class M(type):
    def __call__(cls, *a, **k):
        print("M.__call__", cls.__name__, a)
        return super().__call__(*a, **k)


class WithMeta(c.Generic, metaclass=M):
    pass


show("WithMeta()", lambda: WithMeta().fields())

print("call_ways", c.call_ways(c.SpecNoNew))
