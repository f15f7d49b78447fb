# Assorted edge cases of generators, async with, yield from, scoping and
# statements the loop runs.
def g1():
    try:
        yield 1
        return 2
    finally:
        yield 3
x = g1()
print(next(x), next(x))
try:
    next(x)
except StopIteration as e:
    print("ret", e.value)

def g2():
    for i in range(3):
        try:
            yield i
        except ValueError:
            yield "v"
x = g2()
print(next(x), x.throw(ValueError), next(x), next(x))

class Acm:
    def __init__(self, fail_exit=False):
        self.fail_exit = fail_exit
    async def __aenter__(self):
        return self
    async def __aexit__(self, t, v, tb):
        if self.fail_exit:
            raise OSError("exit failed")
        return False

async def use(f):
    try:
        async with Acm(f):
            raise KeyError("body")
    except BaseException as e:
        return repr(e), repr(e.__context__)

for f in (False, True):
    c = use(f)
    try:
        c.send(None)
    except StopIteration as e:
        print(e.value)

def nested_yield_from():
    def a():
        yield 1
        yield 2
        return "a"
    def b():
        r = yield from a()
        yield r
        return "b"
    r = yield from b()
    yield r
print(list(nested_yield_from()))

# throw into nested yield from, handled deep
def deep():
    try:
        yield "deep"
    except KeyError:
        yield "caught deep"
def mid():
    yield from deep()
def top():
    yield from mid()
t = top()
print(next(t), t.throw(KeyError))

# close propagates through yield from
def d2():
    try:
        yield 1
    finally:
        print("d2 closed")
def m2():
    try:
        yield from d2()
    finally:
        print("m2 closed")
m = m2()
next(m)
m.close()

# send to yield from an iterator without send()
def m3():
    yield from iter([1, 2])
z = m3()
next(z)
try:
    z.send(5)
except AttributeError as e:
    print("AttributeError:", e)

# return inside finally inside generator swallowing exception
def g4():
    try:
        yield 1
        raise ValueError
    finally:
        return "swallowed"
x = g4()
next(x)
try:
    next(x)
except StopIteration as e:
    print(e.value)

# generator in class body comprehension
class C:
    vals = [i for i in range(3)]
    gen = list(i * 2 for i in range(3))
print(C.vals, C.gen)

# lambda defaults and kwonly defaults evaluated once
def mk():
    return [lambda a, *, b=i: (a, b) for i in range(2)]
print([f(0) for f in mk()])

# star-args with generator
def star(*a, **k):
    return a, k
print(star(*(i for i in range(3)), **dict(x=1)))

# chained comparison and short circuits
a = 5
print(1 < a < 10, 1 < a > 10, a and 0 or "z", not a)

# augmented assignment on subscr and attr
class O: pass
o = O(); o.v = 1; o.v += 5
l = [1, 2]; l[0] += 10
d = {"k": 1}; d["k"] *= 7
print(o.v, l, d)

# slices
s = list(range(10))
print(s[1:8:2], s[::-1][:3], s[-3:])
s[1:3] = ["a"]
del s[::3]
print(s)

# del statements
x1 = 1
del x1
try:
    x1
except NameError as e:
    print(e)

# global and nonlocal interplay
gv = 0
def setg():
    global gv
    gv += 1
setg(); setg()
print(gv)

# while with else and continue
i = 0
while i < 5:
    i += 1
    if i % 2:
        continue
else:
    print("while done", i)

# conditional import in function
def imp():
    import sys as s
    from sys import maxsize
    return s.maxsize == maxsize
print(imp())

# dict/set comprehensions and unpacking in literals
print({k: v for k, v in zip("ab", (1, 2))}, {x % 3 for x in range(10)})
print([*range(2), *"ab"], {**{"a": 1}, "b": 2}, (*[1], 2))

# walrus
if (n := len("hello")) > 3:
    print("walrus", n)
print([y for x in range(5) if (y := x * x) > 4])
