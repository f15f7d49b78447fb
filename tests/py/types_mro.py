class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass

print([k.__name__ for k in Z.__mro__])
print([k.__name__ for k in Z.mro()])

class X: pass
class Y(X): pass
for bases in [(X, Y), (Y, X)]:
    try:
        T = type("T", bases, {})
        print([k.__name__ for k in T.__mro__])
    except TypeError as e:
        print("TypeError:", e)

class P1: pass
class P2: pass
class Q1(P1, P2): pass
class Q2(P2, P1): pass
try:
    class R(Q1, Q2): pass
except TypeError as e:
    print("TypeError:", e)

try:
    class Dup(P1, P1): pass
except TypeError as e:
    print("TypeError:", e)

# diamond
class Top:
    def who(self): return ["Top"]
class Left(Top):
    def who(self): return ["Left"] + super().who()
class Right(Top):
    def who(self): return ["Right"] + super().who()
class Bottom(Left, Right):
    def who(self): return ["Bottom"] + super().who()
print(Bottom().who())
print(Bottom.__bases__, Bottom.__base__)
print(object.__mro__, int.__mro__, bool.__mro__)
