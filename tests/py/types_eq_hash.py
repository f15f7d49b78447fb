class Plain: pass
p = Plain()
print(p == p, p != p, p == Plain(), hash(p) == hash(p), Plain.__hash__ is object.__hash__)

class EqOnly:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, EqOnly) and o.v == self.v
print(EqOnly.__hash__, "__hash__" in EqOnly.__dict__)
try:
    hash(EqOnly(1))
except TypeError as e:
    print("TypeError:", e)
try:
    {EqOnly(1)}
except TypeError as e:
    print("TypeError:", e)
print(EqOnly(1) == EqOnly(1), EqOnly(1) != EqOnly(1), EqOnly(1) != EqOnly(2))

class EqHash(EqOnly):
    def __hash__(self): return hash(self.v)
print(hash(EqHash(5)) == hash(5), len({EqHash(1), EqHash(1), EqHash(2)}))

class Inherit(EqHash): pass
print(hash(Inherit(3)) == hash(3))

class NoHash:
    __hash__ = None
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)

class BigHash:
    def __hash__(self): return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class MinusOne:
    def __hash__(self): return -1
print(hash(MinusOne()))
class BadHash:
    def __hash__(self): return "x"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)

class NeOnly:
    def __ne__(self, o): return "custom ne"
print(NeOnly() != 1, NeOnly() == 1)

for v in [[], {}, set(), bytearray()]:
    try:
        hash(v)
    except TypeError as e:
        print("TypeError:", e)
print(hash(None) == hash(None), hash(()) == hash(()))
print(object().__eq__(1), object().__ne__(1), object().__lt__(1))
o = object()
print(o.__eq__(o), o.__ne__(o))
