# Calls: argument binding and CPython's exact TypeErrors.

def show(f, *args, **kwargs):
    try:
        print(f(*args, **kwargs))
    except TypeError as e:
        print("TypeError:", e)

def f(x, y):
    return (x, y)

show(f, 1, 2)
show(f, 1)
show(f)
show(f, 1, 2, 3)
show(f, 1, y=2)
show(f, 1, x=2)
show(f, 1, 2, z=3)
show(f, y=1, x=2)

def g(a, b=2, *, c, d=4):
    return (a, b, c, d)

show(g, 1, c=3)
show(g, 1)
show(g)
show(g, 1, 2, 3)
show(g, 1, 2, 3, c=5)
show(g, 1, c=3, d=5, e=6)

def h(a, b, /, c, *, d):
    return (a, b, c, d)

show(h, 1, 2, 3, d=4)
show(h, 1, b=2, c=3, d=4)
show(h, a=1, b=2, c=3, d=4)
show(h, 1, 2, c=3)
show(h, 1, 2)

def v(*args, **kwargs):
    return (args, sorted(kwargs.items()))

show(v)
show(v, 1, 2, a=3)

def posonly_kw(a, /, **kw):
    return (a, kw)

show(posonly_kw, 1, a=2)

def many(a, b, c, d):
    return a + b + c + d

show(many)
show(many, 1)
show(many, 1, 2)

def defaults(a, b=1, c=2):
    return (a, b, c)

show(defaults, 1, 2, 3, 4)
show(defaults)
show(defaults, 0, c=9)

def kwonly_only(*, a, b, c):
    return a
show(kwonly_only)
show(kwonly_only, b=1)
show(kwonly_only, 1, a=1, b=2, c=3)

def one(a):
    return a
show(one, 1, 2)
show(one, 1, 2, 3)

class C:
    def m(self, x):
        return ("m", x)
    @staticmethod
    def s(x):
        return ("s", x)
    @classmethod
    def c(cls, x):
        return ("c", cls.__name__, x)

c = C()
show(c.m, 1)
show(c.m)
show(c.m, 1, 2)
show(C.m, c, 5)
show(c.s, 3)
show(c.c, 4)
show(C.c, 4)
bm = c.m
print(bm.__func__ is C.m, bm.__self__ is c, bm == c.m, bm.__name__, bm.__qualname__)

# * and ** call forms
def kw(a, b, c=3):
    return (a, b, c)
print(kw(*[1, 2]))
print(kw(*(1,), **{"b": 5}))
print(kw(1, *(), b=2, **{"c": 4}))
args = (1, 2)
print(kw(*args, c=9))
try:
    kw(*1)
except TypeError as e:
    print("TypeError:", e)
try:
    kw(**1)
except TypeError as e:
    print("TypeError:", e)
try:
    kw(1, **{"a": 2, "b": 3})
except TypeError as e:
    print("TypeError:", e)
try:
    kw(1, b=1, **{"b": 2})
except TypeError as e:
    print("TypeError:", e)

# function attributes
def attrs(a, b=1, *, c=2) -> int:
    "doc string"
    return a
print(attrs.__name__, attrs.__qualname__, attrs.__doc__, attrs.__defaults__, attrs.__kwdefaults__)
print(attrs.__annotations__)
print(attrs.__module__, attrs.__code__.co_name)
attrs.__defaults__ = (7,)
print(attrs(1), attrs.__defaults__)
attrs.x = 5
print(attrs.__dict__)
try:
    attrs.__defaults__ = 1
except TypeError as e:
    print("TypeError:", e)
try:
    attrs.__name__ = 1
except TypeError as e:
    print("TypeError:", e)

def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__)
print(C.m.__qualname__)

# lambda and recursion through calls
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(20))

def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(500))

# calling non-callables
one_ = 1
try:
    one_()
except TypeError as e:
    print("TypeError:", e)
x_ = "x"
try:
    x_(1)
except TypeError as e:
    print("TypeError:", e)
