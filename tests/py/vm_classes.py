# Class bodies: namespaces, __class__ cells, super(), metaclasses,
# __prepare__, annotations, decorators.

class A:
    "doc of A"
    x = 1
    y = x + 1
    def m(self):
        return "A.m"
    def who(self):
        return __class__.__name__
print(A.__name__, A.__qualname__, A.__module__, A.__doc__, A.x, A.y)
print(sorted(k for k in A.__dict__ if not k.startswith("__")))

class B(A):
    def m(self):
        return "B.m+" + super().m()
    def who(self):
        return "B/" + super().who()
print(B().m(), B().who())

class C(B):
    def m(self):
        return "C.m+" + super().m()
print(C().m())
print([k.__name__ for k in C.__mro__])

# class body locals and comprehension scoping
class Scope:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    total = sum(vals)
print(Scope.doubled, Scope.total)

# __prepare__ and a custom namespace
class Recording(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, k, v):
        if not k.startswith("__"):
            self.order.append(k)
        super().__setitem__(k, v)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, sorted(kw))
        return Recording()
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = ns.order
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)

class Ordered(metaclass=Meta, flag=True):
    b = 1
    a = 2
    def z(self):
        pass
print(Ordered.order, type(Ordered).__name__)

# annotations in class and module bodies
class Ann:
    a: int
    b: str = "x"
print(Ann.__annotations__, Ann.b)

# decorators, properties, classmethods
def deco(tag):
    def wrap(f):
        def inner(*a, **k):
            return (tag, f(*a, **k))
        return inner
    return wrap

class D:
    @deco("t")
    def m(self, v):
        return v
    @property
    def p(self):
        return "prop"
    @p.setter
    def p(self, v):
        print("set", v)
    @classmethod
    def cm(cls):
        return cls.__name__
    @staticmethod
    def sm(a, b):
        return a + b
d = D()
print(d.m(5), d.p, D.cm(), d.cm(), D.sm(1, 2))
d.p = 3

# __init_subclass__ and __set_name__
class Base:
    subs = []
    def __init_subclass__(cls, **kw):
        Base.subs.append((cls.__name__, kw))
class Sub(Base, tag=1):
    pass
print(Base.subs)

class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
class Owner:
    attr = Named()

# nested classes and qualnames
class Outer:
    class Inner:
        def f(self):
            pass
print(Outer.Inner.__qualname__, Outer.Inner.f.__qualname__)

def factory():
    class Local:
        pass
    return Local
print(factory().__qualname__)

# super() errors
class E:
    def f(self):
        return super().nope
try:
    E().f()
except AttributeError as e:
    print("AttributeError:", e)

# class body exceptions propagate
try:
    class Broken:
        raise ValueError("in body")
except ValueError as e:
    print("ValueError:", e)

# __class__ cell with a metaclass that returns the class
class M2(type):
    pass
class WithCell(metaclass=M2):
    def get(self):
        return __class__
print(WithCell().get() is WithCell)

# dunder dispatch through the loop
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Num(self.v + (o.v if isinstance(o, Num) else o))
    __radd__ = __add__
    def __iadd__(self, o):
        self.v += 100
        return self
    def __lt__(self, o):
        return self.v < o.v
    def __getitem__(self, i):
        return self.v * i
    def __call__(self, *a):
        return ("called", a)
    def __contains__(self, x):
        return x == self.v
    def __len__(self):
        return 3
    def __bool__(self):
        return self.v != 0
    def __neg__(self):
        return Num(-self.v)
n = Num(1)
print((n + 2).v, (3 + n).v, (n + n).v, n < Num(5), n[10], n(1, 2), 1 in n, len(n), bool(Num(0)), (-n).v)
n += 1
print(n.v)
