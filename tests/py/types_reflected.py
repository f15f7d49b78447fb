class Base:
    def __init__(self, n): self.n = n
    def __add__(self, o):
        print("Base.__add__", type(o).__name__)
        return NotImplemented
    def __radd__(self, o):
        print("Base.__radd__", type(o).__name__)
        return "Base.radd"
    def __lt__(self, o):
        print("Base.__lt__")
        return NotImplemented
    def __gt__(self, o):
        print("Base.__gt__")
        return NotImplemented

class Derived(Base):
    def __radd__(self, o):
        print("Derived.__radd__", type(o).__name__)
        return "Derived.radd"
    def __gt__(self, o):
        print("Derived.__gt__")
        return "Derived.gt"

class Same(Base):
    pass

print(Base(1) + Derived(2))    # the subclass's reflected method goes first
print(Base(1) + Same(2))       # not overridden: left operand first
print(Base(1) < Derived(2))
try:
    print(Base(1) < Base(2))
except TypeError as e:
    print("TypeError:", e)
print(1 + Base(1))

class R:
    def __eq__(self, o):
        print("R.__eq__")
        return NotImplemented
print(R() == R(), R() != R())
x = R()
print(x == x)

class Num(int):
    def __add__(self, o):
        return "Num.add"
    def __radd__(self, o):
        return "Num.radd"
print(1 + Num(2), Num(2) + 1, Num(1) + Num(2))
class F(float):
    def __rsub__(self, o): return "F.rsub"
print(1.5 - F(1), 2 - F(1))
