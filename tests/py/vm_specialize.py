# The loop specialises instructions in place after a few runs (CALL,
# BINARY_OP, COMPARE_OP, FOR_ITER, LOAD_METHOD).  Every site here first
# runs long enough to be specialised, then sees operands that break the
# assumption: results must stay exactly CPython's.
import sys

N = 200


def call_site(f, *args):
    return f(*args)


def call_one(f, x):
    return f(x)


def call_none(f):
    return f()


# CALL: a builtin, then a Python function, then a bound method, then a class
results = []
for i in range(N):
    results.append(call_one(abs, -i))
print(sum(results))
print(call_one(lambda x: x * 2, 21))
class K:
    def m(self, x):
        return ("m", x)
    def __call__(self, x):
        return ("call", x)
k = K()
print(call_one(k.m, 1), call_one(k, 2), call_one(K, None) if False else call_one(str, 5))
print(call_one(len, "abc"), call_one(repr, 1.5))
for i in range(N):
    call_none(list)
print(call_none(dict), call_none(lambda: "lam"))
# METH_O sites called with the wrong number of arguments keep the message
def call_two(f):
    return f(1, 2)
for i in range(N):
    call_two(max)
try:
    call_two(abs)
except TypeError as e:
    print(e)


# Python functions: exact args, then defaults, then a generator, then *args
def two(a, b):
    return a + b
def with_default(a, b=10):
    return a * b
def gen(a, b):
    yield a
    yield b
def star(*a):
    return a
def call2(f):
    return f(3, 4)
for i in range(N):
    call2(two)
print(call2(two), call2(with_default), list(call2(gen)), call2(star))
print(call2(K().m.__func__) if False else call2(lambda *a, **k: (a, k)))
# recursion through a specialised site still raises RecursionError
def rec(n):
    return rec(n + 1)
try:
    rec(0)
except RecursionError as e:
    print("RecursionError", e)

# method descriptors: list.append with a list, then with a subclass
class MyList(list):
    pass
def app(lst, v):
    lst.append(v)
    return lst
a = []
for i in range(N):
    app(a, i)
print(len(a), app(MyList(), 1), type(app(MyList(), 1)).__name__)
class FakeAppend:
    def __init__(self):
        self.seen = []
    def append(self, v):
        self.seen.append(("fake", v))
print(app(FakeAppend(), 7).seen)
class DictAppend:
    pass
d = DictAppend()
d.append = lambda v: ("instance attr", v)
print(app(d, 8).__class__.__name__)
# str methods (METH_O / FASTCALL / NOARGS descriptors)
def up(s):
    return s.upper()
for i in range(N):
    up("x")
print(up("abc"), end=" ")
try:
    up(5)
except AttributeError as e:
    print(e)
class S(str):
    def upper(self):
        return "overridden"
print(up(S("q")))


# BINARY_OP: ints, then big ints, floats, strings, mixed, user types
def add(a, b):
    return a + b
def sub(a, b):
    a -= b
    return a
def mul(a, b):
    return a * b
for i in range(N):
    add(i, 1)
    sub(i, 1)
    mul(1.5, float(i))
print(add(2**62, 2**62), add(-2**40, 1), add(1.5, 2), add("a", "b"), add([1], [2]))
print(sub(10, 3), sub(0.5, 0.25), sub(2**70, 1), sub({1, 2}, {1}))
print(mul(3, 4), mul("ab", 3), mul(2.5, 4.0), mul(1e308, 10.0))
class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, o):
        return V(self.x + o.x)
    def __sub__(self, o):
        return V(self.x - o.x)
    def __repr__(self):
        return f"V({self.x})"
print(add(V(1), V(2)), sub(V(5), V(3)))
try:
    add(1, "x")
except TypeError as e:
    print(e)
class MyInt(int):
    def __add__(self, o):
        return "MyInt.add"
print(add(MyInt(1), 2), add(True, True))
# float ops after float specialisation: results identical to CPython's
for i in range(N):
    add(0.1, 0.2)
print(add(0.1, 0.2), sub(1.0, 1e-17), add(float("inf"), -float("inf")))


# COMPARE_OP: ints, then floats, mixed, strings, None
def lt(a, b):
    return a < b
def eq(a, b):
    return a == b
for i in range(N):
    lt(i, 100)
    eq(i, 5)
print(lt(1, 2), lt(2**65, 1), lt(1.5, 2), lt("a", "b"), eq(1, 1.0), eq(None, None))
for i in range(N):
    lt(0.5, float(i))
print(lt(float("nan"), 1.0), eq(float("nan"), float("nan")), lt(1, 2))
try:
    lt(1, "x")
except TypeError as e:
    print(e)


# FOR_ITER: range, then list, then tuple, generator, dict
def total(it):
    t = 0
    for x in it:
        t += x
    return t
for i in range(N):
    total(range(10))
print(total(range(5)), total([1, 2, 3]), total((4, 5)), total(x for x in range(4)),
      total({7: 1, 8: 2}), total(range(10, 0, -3)))
lst = [1, 2, 3]
for i in range(N):
    total(lst)
print(total(range(3)), total(lst), total(iter(lst)))
# a list that grows while being iterated
grow = [1]
n = 0
for x in grow:
    n += 1
    if n < 5:
        grow.append(x + 1)
print(grow)


# LOAD_METHOD: a type without instance dicts, then the type changes
class Slotted:
    __slots__ = ()
    def who(self):
        return "first"
def call_who(o):
    return o.who()
s = Slotted()
for i in range(N):
    call_who(s)
print(call_who(s))
Slotted.who = lambda self: "replaced"
print(call_who(s))
del Slotted.who
try:
    call_who(s)
except AttributeError as e:
    print(e)
class Other:
    def who(self):
        return "other"
print(call_who(Other()), call_who(type("Dyn", (), {"who": lambda self: "dyn"})()))
o = Other()
o.who = lambda: "instance"
print(call_who(o))


# Tracing and profiling still see specialised sites
def traced():
    r = 0
    for i in range(3):
        r += abs(-i)
    return r
for i in range(N):
    traced()
events = []
def prof(frame, event, arg):
    if event.startswith("c_"):
        events.append((event, arg.__name__))
sys.setprofile(prof)
traced()
sys.setprofile(None)
print(events)
lines = []
def tr(frame, event, arg):
    if frame.f_code.co_name == "traced":
        lines.append((event, frame.f_lineno - traced.__code__.co_firstlineno))
    return tr
sys.settrace(tr)
traced()
sys.settrace(None)
print(lines)

# Specialisation is invisible in the code object
def f(a):
    return a + 1
code_before = f.__code__.co_code
for i in range(N):
    f(i)
print(f.__code__.co_code == code_before, f.__code__ == f.__code__.replace(),
      hash(f.__code__) == hash(f.__code__.replace()))
g = type(f)(f.__code__.replace(), globals())
print(g(41), g(1.5), g.__code__.co_code == code_before)

# C calls in both stack layouts at one site: an unbound method descriptor
# called as a plain function, a builtin reached through LOAD_METHOD
def plain(f, a, b):
    return f(a, b)
acc = []
for i in range(N):
    plain(list.append, acc, i)
print(len(acc), plain(str.replace.__get__("abc"), "b", "X") if False else plain(max, 3, 9))
import math
def via_module(m, x):
    return m.sqrt(x)
for i in range(N):
    via_module(math, 4.0)
print(via_module(math, 16.0), via_module(type("M", (), {"sqrt": staticmethod(lambda x: -x)}), 2))
class HasMethodAttr:
    def __init__(self):
        self.sqrt = abs
print(via_module(HasMethodAttr(), -5))
def descr_noargs(x):
    return x.bit_length()
for i in range(N):
    descr_noargs(i)
print(descr_noargs(255), descr_noargs(True), descr_noargs(2**100))
try:
    descr_noargs(1.5)
except AttributeError as e:
    print(e)

# LOAD_METHOD on instances with a dict: shadowing, non-str keys, dict subclasses
class WithDict:
    def __init__(self):
        self.v = 1
    def meth(self):
        return "class meth"
def call_meth(o):
    return o.meth()
objs = [WithDict() for _ in range(5)]
for i in range(N):
    call_meth(objs[i % 5])
print(call_meth(objs[0]))
objs[1].meth = lambda: "instance meth"
print(call_meth(objs[1]), call_meth(objs[2]))
objs[3].__dict__[7] = "int key"
print(call_meth(objs[3]))
class MyDict(dict):
    pass
objs[4].__dict__ = MyDict(meth=lambda: "from MyDict")
print(call_meth(objs[4]))
del objs[1].meth
print(call_meth(objs[1]))
WithDict.meth = lambda self: "patched class"
print(call_meth(objs[0]), call_meth(objs[2]))
class Sub(WithDict):
    pass
print(call_meth(Sub()))
