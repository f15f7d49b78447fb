# Calling classes: __new__/__init__ combinations, keyword and star
# arguments, errors, and __init__ changed after the class was made.
class A:
    def __init__(self, a, b=2, *rest, c=3, **kw):
        self.v = (a, b, rest, c, kw)
print(A(1).v, A(1, 2, 3, 4, c=5, d=6).v, A(*[1, 2], **{"c": 9}).v)
args = list(range(20))
print(len(A(*args).v[2]))
class B:
    def __init__(self): return 1
try:
    B()
except TypeError as e:
    print(e)
class C:
    def __init__(self, x): pass
try:
    C()
except TypeError as e:
    print(e)
try:
    C(1, 2)
except TypeError as e:
    print(e)
class D(C):
    def __new__(cls, *a): return super().__new__(cls)
print(type(D(1)).__name__)
class E:
    __init__ = lambda self, **k: setattr(self, "k", k)
print(E(x=1).k)
class F:
    @staticmethod
    def __init__(*a): print("static init", len(a))
F()
class G:
    __init__ = lambda self: None
print(type(G()).__name__)
class H:
    pass
print(type(H()).__name__)
for call in [lambda: H(1), lambda: H(k=1), lambda: H(*(), **{})]:
    try:
        print(type(call()).__name__)
    except TypeError as e:
        print("TypeError:", e)
class Callable:
    def __call__(self, *a, **k): return ("instance call", a, k)
class WithCallableInit:
    __init__ = Callable()
try:
    WithCallableInit(1)
except TypeError as e:
    print("TypeError:", e)
class Later:
    pass
Later.__init__ = lambda self, v: setattr(self, "v", v)
print(Later(4).v)
del Later.__init__
print(type(Later()).__name__)
Later.__new__ = lambda cls, *a: "replaced new"
print(Later(1, 2))
objs = [H() for _ in range(1000)]
print(len(objs), len({id(o) for o in objs}))
