# The generator protocol: next/send/throw/close, yield from, return values,
# PEP 479, and the gi_* attributes.

def gen():
    x = yield 1
    print("got", x)
    y = yield 2
    print("got", y)
    return "done"

g = gen()
print(g.gi_running, g.gi_suspended, g.gi_frame is not None, g.gi_code.co_name)
print(next(g))
print(g.gi_suspended)
print(g.send("a"))
try:
    g.send("b")
except StopIteration as e:
    print("StopIteration", e.value)
print(g.gi_frame, g.gi_suspended)
try:
    next(g)
except StopIteration as e:
    print("again StopIteration", e.value)

g = gen()
try:
    g.send(1)
except TypeError as e:
    print("TypeError:", e)

# throw
def catcher():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("caught", repr(e))
            yield "recovered"

g = catcher()
print(next(g))
print(g.throw(ValueError("boom")))
print(next(g))
print(g.throw(ValueError))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
print(g.gi_frame)

# close
def closer():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
g = closer()
next(g)
g.close()
g.close()
print(list(closer()))

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)

# close on a never-started generator
g = closer()
g.close()
print("closed unstarted")

# yield from with return value and delegation of send/throw
def inner():
    a = yield "i1"
    print("inner got", a)
    try:
        yield "i2"
    except KeyError:
        print("inner caught KeyError")
        yield "i3"
    return "inner result"

def outer():
    r = yield from inner()
    print("outer got", r)
    yield "o1"

g = outer()
print(next(g))
print(g.send("x"))
print(g.gi_yieldfrom.__name__)
print(g.throw(KeyError))
print(next(g))
print(g.gi_yieldfrom)
try:
    next(g)
except StopIteration:
    print("finished")

# yield from an iterator
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), "ab", range(2))))

# PEP 479
def bad():
    yield 1
    raise StopIteration("oops")
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))

def bad_next():
    yield next(iter([]))
try:
    list(bad_next())
except RuntimeError as e:
    print("RuntimeError:", e)

# return value carried by StopIteration, including tuples
def ret_tuple():
    return (1, 2)
    yield
try:
    next(ret_tuple())
except StopIteration as e:
    print("value", e.value, e.args)

# generator already executing
def self_ref():
    yield next(me)
me = self_ref()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)

# generator expressions
print(sum(x * x for x in range(10)))
ge = (x for x in [1, 2])
print(type(ge).__name__, ge.__name__, ge.__qualname__)
print(list(ge), list(ge))

# locals survive suspension
def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        total += v
g = acc()
next(g)
for i in range(5):
    g.send(i)
try:
    g.send(None)
except StopIteration as e:
    print("total", e.value)

# exception state inside generators
import sys
def exc_state():
    try:
        raise ValueError("inside")
    except ValueError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]
g = exc_state()
print(next(g))
print(sys.exc_info()[0])
try:
    raise KeyError
except KeyError:
    print(next(g))
print(next(g))

# throw with a traceback-less instance and bad arguments
g = catcher()
next(g)
try:
    g.throw(1)
except TypeError as e:
    print("TypeError:", e)
try:
    g.throw(ValueError("a"), 1)
except TypeError as e:
    print("TypeError:", e)

# recursion through generators
def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)
print(list(tree(3)))

# finally runs when a generator is dropped
def dropper():
    try:
        yield 1
    finally:
        print("dropped")
d = dropper()
next(d)
del d
print("after del")
