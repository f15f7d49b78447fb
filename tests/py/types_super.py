class A:
    def f(self):
        return "A.f"
    @classmethod
    def c(cls):
        return "A.c(%s)" % cls.__name__
    @staticmethod
    def s():
        return "A.s"
    @property
    def p(self):
        return "A.p"

class B(A):
    def f(self):
        return "B.f > " + super().f()
    @classmethod
    def c(cls):
        return "B.c > " + super().c()
    def s2(self):
        return super().s()
    @property
    def p(self):
        return "B.p > " + super().p

b = B()
print(b.f(), B.c(), b.c(), b.s2(), b.p)
print(super(B, b).f())
print(super(B, B).c())
print(super(B, b).__class__ is super)
print(super(B, b).__thisclass__, super(B, b).__self__ is b, super(B, b).__self_class__)
print(super(B, b), super(B))

class C(B):
    def f(self):
        return "C.f > " + super(B, self).f()
print(C().f())

try:
    super(A, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    super(1, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    super()
except RuntimeError as e:
    print("RuntimeError:", e)

def outside(self):
    return super().f()
try:
    outside(b)
except RuntimeError as e:
    print("RuntimeError:", e)

class D:
    def __init__(self):
        self.log = ["D"]
class E(D):
    def __init__(self):
        super().__init__()
        self.log.append("E")
print(E().log)

class F(A):
    def f(self):
        def inner():
            return __class__.__name__
        return inner()
print(F().f())

# unbound super used as a descriptor
class G(A):
    pass
G.sup = super(G)
print(G().sup.f())
try:
    super(A, b).missing
except AttributeError as e:
    print("AttributeError:", e)
