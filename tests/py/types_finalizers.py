import gc
class Noisy:
    def __init__(self, name): self.name = name
    def __del__(self):
        print("del", self.name)

a = Noisy("a")
del a
print("after del a")
def scope():
    b = Noisy("b")
scope()
print("after scope")
l = [Noisy("c"), Noisy("d")]
del l
print("after list")

keep = []
class Phoenix:
    def __del__(self):
        print("resurrecting")
        keep.append(self)
p = Phoenix()
del p
print(len(keep))
keep.clear()
print("cleared (no second __del__)")

class Cycle:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print("del cycle", self.name)
c = Cycle("x")
del c
gc.collect()
print("after collect")

class Sub(Noisy):
    pass
s = Sub("sub")
del s
class Slotted:
    __slots__ = ("v",)
    def __del__(self):
        print("del slotted", self.v)
sl = Slotted()
sl.v = 1
del sl
print("end")
