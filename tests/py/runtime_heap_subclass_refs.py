# Instances of heap subclasses of static types with their own dealloc
# (exceptions, weak references) release their class exactly once: a class
# only they keep alive must survive until they die, and then be freed.
import _weakref as weakref, gc
class R(weakref.ref):
    pass
class T:
    pass
for i in range(3):
    class Outer:
        class E(Exception):
            pass
    e = Outer.E("x")
    t = T()
    r = R(t)
    print(r() is t, type(r).__name__, repr(e))
    del Outer, e, r, t
    gc.collect()
print("done")
