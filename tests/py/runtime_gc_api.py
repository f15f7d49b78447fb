# the gc module's API
import gc
print(gc.get_threshold())
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(700)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
for bad in [lambda: gc.set_threshold(), lambda: gc.set_threshold(1, 2, 3, 4),
            lambda: gc.collect(3), lambda: gc.collect(-1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked(()))
print(gc.is_finalized([]))
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())
print(type(gc.garbage).__name__, gc.garbage, type(gc.callbacks).__name__)
print(len(gc.get_stats()), sorted(gc.get_stats()[0]))
print(len(gc.get_count()))
x = [1, 2]
holder = {"x": x}
found = False
for r in gc.get_referrers(x):
    if r is holder:
        found = True
print(found)
print(1 in gc.get_referents(x), 2 in gc.get_referents(x))
print(gc.collect(0) >= 0, gc.collect(generation=1) >= 0)
gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
events = []
def cb(phase, info):
    events.append((phase, sorted(info)))
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(events)
objs = gc.get_objects()
print(type(objs).__name__, len(objs) > 0)
