# weak references to objects freed by the collector
import gc
from _weakref import ref

class C:
    pass

gc.disable()
log = []
a = C()
a.self = a
r = ref(a, lambda w: log.append("callback"))
del a
print(r() is not None)
gc.collect()
print(r(), log)

# a weakref that is itself part of the garbage does not call back
b = C()
b.self = b
b.wr = ref(b, lambda w: log.append("must not run"))
del b
gc.collect()
print(log)
gc.enable()
