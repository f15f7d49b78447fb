# weakref.ref: calling, identity of plain refs, callbacks, hashing, equality
import _weakref as weakref_mod
from _weakref import ref, getweakrefcount, getweakrefs, proxy

class Thing:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Thing({self.name})"

t = Thing("a")
r1 = ref(t)
r2 = ref(t)
print(r1() is t, r1 is r2, getweakrefcount(t), getweakrefs(t) == [r1])
log = []
r3 = ref(t, lambda w: log.append(("dead", w is r3)))
print(r3 is r1, getweakrefcount(t), r3.__callback__ is not None, r1.__callback__)
print(hash(r1) == hash(t), r1 == r3, r1 != r3)
other = Thing("b")
print(ref(other) == r1, ref(other) != r1)
del t
print(log, r1(), r3(), getweakrefcount(other))
print(r1 == r3, r1 == r1)
for bad in [1, "s", (1,), [1], {1: 2}, None]:
    try:
        ref(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    hash(ref(Thing("c")))
except TypeError as e:
    print("TypeError:", e)
print(weakref_mod.ReferenceType is ref, type(r1).__name__, type(r1).__module__)
class SubRef(ref):
    pass
t2 = Thing("d")
s = SubRef(t2)
print(type(s).__name__, s() is t2, s is not ref(t2))
