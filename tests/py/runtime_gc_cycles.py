# gc.collect frees reference cycles; __del__ runs once (PEP 442)
import gc

class Node:
    instances = 0
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("del", self.name)

gc.disable()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("collected:", gc.collect() >= 2)
print("isenabled", gc.isenabled())
gc.enable()
print("isenabled", gc.isenabled())

# a self-referencing list
l = []
l.append(l)
del l
print(gc.collect())

# resurrection: __del__ stores the object, which survives, and __del__ is not called again
saved = []
class Phoenix:
    def __init__(self):
        self.me = self
    def __del__(self):
        print("phoenix __del__")
        saved.append(self)
p = Phoenix()
del p
gc.collect()
print(len(saved), gc.is_finalized(saved[0]))
saved.clear()
gc.collect()
print("done")
