# gc.DEBUG_SAVEALL keeps unreachable objects in gc.garbage
import gc

class Cell:
    pass

gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
c = Cell()
c.me = c
del c
n = gc.collect()
found = 0
for o in gc.garbage:
    if isinstance(o, Cell):
        found += 1
print(n >= 1, found)
gc.set_debug(0)
gc.garbage.clear()
print(gc.garbage, gc.get_debug())
d = Cell()
d.me = d
del d
print(gc.collect() >= 1, gc.garbage)
