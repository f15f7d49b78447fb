# Control flow: if/elif/else, while/for with else, break/continue,
# try/except/else/finally (including return/break through finally),
# with statements, assert, del, chained comparisons, boolean operators.

for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
else:
    print("no break")

for i in range(3):
    pass
else:
    print("loop else", i)

n = 0
while n < 5:
    n += 1
    if n == 3:
        continue
    print("while", n)
else:
    print("while else")

while True:
    n -= 1
    if n < 2:
        break
print("n", n)

def fin():
    try:
        return "try"
    finally:
        print("finally runs")

print(fin())

def fin_override():
    try:
        return 1
    finally:
        return 2

print(fin_override())

def loop_finally():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out

print(loop_finally())

def exc_flow(v):
    try:
        if v == 0:
            raise ValueError("zero")
        elif v == 1:
            raise KeyError("one")
        elif v == 2:
            return 1 / 0
    except ValueError as e:
        print("ValueError:", e)
    except (KeyError, TypeError) as e:
        print("Key/Type:", repr(e))
    except Exception as e:
        print("other", type(e).__name__)
    else:
        print("no exception")
    finally:
        print("finally", v)

for v in range(4):
    exc_flow(v)

try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise RuntimeError("outer")
except RuntimeError as e:
    print(repr(e), repr(e.__context__))

try:
    try:
        raise ValueError("a")
    except ValueError as e:
        raise TypeError("b") from e
except TypeError as e:
    print(repr(e.__cause__), e.__suppress_context__)

def name_deleted():
    try:
        raise KeyError(1)
    except KeyError as err:
        pass
    try:
        err
    except NameError as ne:
        print("NameError:", ne)

name_deleted()

try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)

class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None)
        return self.swallow

with CM("a") as x, CM("b") as y:
    print("body", x, y)

with CM("c", swallow=True):
    raise ValueError("swallowed")
print("after swallow")

try:
    with CM("d"):
        raise KeyError("kept")
except KeyError as e:
    print("caught", e)

def with_return():
    with CM("e"):
        return "returned"

print(with_return())

for i in range(2):
    with CM("loop%d" % i):
        if i == 0:
            continue
        break

try:
    assert 1 == 2, "message here"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("bare assert", e.args)

a = [1, 2, 3, 4]
del a[0]
del a[1:2]
print(a)
d = {"k": 1, "j": 2}
del d["k"]
print(d)
z = 1
del z
try:
    print(z)
except NameError as e:
    print(e)

x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 1 < 2 < 3 < 4 < 0)
print(0 or "", 0 or "x", 1 and 2, None and 1, not 0, not [1])
print(x if x > 3 else -x, "yes" if [] else "no")
print(3 in [1, 2, 3], 4 not in (1, 2), None is None, x is not None)

def cmp_chain(v):
    if 0 <= v < 10 and v != 5 or v == 100:
        return "in"
    return "out"

print([cmp_chain(v) for v in (-1, 0, 5, 9, 10, 100)])

count = 0
def side():
    global count
    count += 1
    return count

print(1 < side() < 3, count)
