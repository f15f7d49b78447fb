# Frame objects: sys._getframe, f_locals/f_back/f_lineno, tracebacks'
# frames, generator frames, eval/exec namespaces, f-strings.
import sys

def f():
    x = 1
    fr = sys._getframe()
    print(fr.f_code.co_name, fr.f_lineno - fr.f_code.co_firstlineno,
          sorted(fr.f_locals), fr.f_back.f_code.co_name)
    y = 2
    print(sorted(fr.f_locals))
    return fr
fr = f()
print(sorted(fr.f_locals), fr.f_back is None or fr.f_back.f_code.co_name)
print(sys._getframe().f_globals is globals(), sys._getframe().f_locals is globals())
print(sys._getframe().f_builtins is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else True)

def g():
    return sys._getframe(1).f_code.co_name
def h():
    return g()
print(h())
try:
    sys._getframe(1000)
except ValueError as e:
    print("ValueError:", e)

def closure_locals():
    a = 1
    def inner():
        return a
    b = 2
    return sorted(sys._getframe().f_locals)
print(closure_locals())

def gen():
    me = sys._getframe()
    yield me.f_back.f_code.co_name
    yield me is gi.gi_frame
gi = gen()
print(next(gi), next(gi))
for _ in gi:
    pass
print(gi.gi_frame)

class K:
    here = sys._getframe().f_code.co_name
    names = sorted(sys._getframe().f_locals)
print(K.here, K.names)

def tb():
    try:
        1 / 0
    except ZeroDivisionError as e:
        return e.__traceback__
t = tb()
print(t.tb_frame.f_code.co_name, t.tb_lineno - t.tb_frame.f_code.co_firstlineno,
      t.tb_next, type(t.tb_lasti).__name__)
print(sorted(t.tb_frame.f_locals))

print(eval("1 + 2"), eval("x * 2", {"x": 4}), eval("y", {}, {"y": 5}))
ns = {}
exec("def q(a):\n    return a * 3\nr = q(5)", ns)
print(ns["r"], ns["q"].__module__ if "__name__" in ns else ns["q"].__globals__ is ns)
loc = {}
exec("z = 10\nw = z + 1", {}, loc)
print(sorted(loc.items()))

def uses_locals():
    a = 5
    return eval("a + 1")
print(uses_locals())

# f-strings
v = 3.14159
print(f"{v:.2f}|{'x'!r:>5}|{42!s}|{[1]}|{v!a}|{'é'!a}|{10:#x}|{'nested {}'.format(1)}")
width = 6
print(f"[{'r':>{width}}]", f"{{literal}}", f"{1 + 1 = }")

# frames outliving their calls, and clear()
def keep():
    a = 1
    return sys._getframe()
kf = keep()
print(sorted(kf.f_locals), kf.f_lineno - kf.f_code.co_firstlineno, kf.f_code.co_name)
kf.clear()
print(kf.f_locals)

def g2():
    x = yield 1
    yield 2
gen2 = g2()
next(gen2)
gf = gen2.gi_frame
print(gf.f_lineno - gf.f_code.co_firstlineno, sorted(gf.f_locals))
gf.clear()
print(gen2.gi_frame, gen2.gi_suspended)

def raiser():
    try:
        raise ValueError
    except ValueError as e:
        return e
exc = raiser()
fo = exc.__traceback__.tb_frame
print(fo.f_code.co_name, fo.f_back is not None)
del exc
print(fo.f_lineno - fo.f_code.co_firstlineno)
