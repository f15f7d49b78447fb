# Functions: defaults, keyword-only, positional-only, *args/**kwargs,
# annotations, decorators, closures, nonlocal, recursion, lambdas.

def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, d=8, e=9, z=0))

def p(a, b, /, c, *, d):
    return a + b + c + d

print(p(1, 2, 3, d=4), p(1, 2, c=3, d=4))
try:
    p(a=1, b=2, c=3, d=4)
except TypeError as e:
    print("TypeError", e)

def ann(x: int, y: "str" = "s", *a: float, k: list = None, **kw: dict) -> bool:
    return True

print(sorted(ann.__annotations__.items(), key=lambda kv: kv[0]))
print(ann.__defaults__, ann.__kwdefaults__)

def deco(tag):
    def wrap(fn):
        def inner(*a, **k):
            return (tag, fn(*a, **k))
        return inner
    return wrap

@deco("outer")
@deco("inner")
def g(x):
    return x * 2

print(g(21))

def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc

c = counter()
print(c(), c(), c(10))

def outer():
    x = "x-outer"
    def middle():
        def inner():
            return x
        return inner
    return middle()()

print(outer())

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(fact(20))

sq = lambda v, w=3: v ** w
print(sq(2), sq(2, 2), (lambda *a, **k: (a, k))(1, 2, x=3))
print((lambda: 42)(), (lambda x, /, y, *, z: x + y + z)(1, 2, z=3))

def doc():
    "the docstring"
    return doc.__doc__

print(doc(), f.__doc__, (lambda: 0).__doc__)
print(f.__name__, f.__qualname__, counter().__qualname__, outer.__code__.co_name)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, p.__code__.co_posonlyargcount)
print(f.__code__.co_varnames, counter.__code__.co_cellvars, c.__code__.co_freevars)
print(hex(f.__code__.co_flags), hex(counter.__code__.co_flags))

def gen_defaults(x=[]):
    x.append(1)
    return len(x)

print(gen_defaults(), gen_defaults(), gen_defaults([]))

def star_call(*a, **k):
    return a, sorted(k.items())

args = (1, 2)
kws = {"x": 1}
print(star_call(*args, 3, *args, y=2, **kws))
print(star_call(**kws, z=5))
print(star_call(*[], **{}))

def closures():
    fs = []
    for i in range(3):
        fs.append(lambda i=i: i * 10)
    return [fn() for fn in fs]

print(closures())

def late():
    fs = [lambda: i for i in range(3)]
    return [fn() for fn in fs]

print(late())

x = 10
def read_global():
    return x

def write_global():
    global x
    x = 20

write_global()
print(read_global())

class A:
    def method(self):
        return __class__.__name__
    def sup(self):
        return "A.sup"

class B(A):
    def sup(self):
        return "B+" + super().sup()

print(A().method(), B().sup())

def kwonly_defaults(*, a=1, b, c=3):
    return a, b, c

print(kwonly_defaults(b=2), kwonly_defaults.__kwdefaults__)
