# Coroutines and async generators driven by hand (no event loop).
import types

class Future:
    """An awaitable that yields itself once, then returns a value."""
    def __init__(self, value):
        self.value = value
    def __await__(self):
        got = yield self
        return (self.value, got)

async def add(a, b):
    x = await Future(a)
    return x, b

def run(coro, sends=()):
    """Drive a coroutine: send None first, then each item of `sends`."""
    out = []
    try:
        v = coro.send(None)
        out.append(("yield", type(v).__name__))
        for s in sends:
            v = coro.send(s)
            out.append(("yield", type(v).__name__))
    except StopIteration as e:
        out.append(("return", e.value))
    return out

c = add(1, 2)
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_suspended)
print(run(c, ["sent"]))
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

async def chain():
    a = await add(1, 2)
    b = await add(3, 4)
    return a, b
print(run(chain(), ["s1", "s2"]))

async def awaiting():
    return await Future("f")
co = awaiting()
print(co.send(None).value)
print(type(co.cr_await).__name__)
try:
    co.send("z")
except StopIteration as e:
    print("result", e.value)
print(co.cr_await, co.cr_frame)

# throw into a coroutine waiting on a future
async def guarded():
    try:
        await Future(1)
    except ValueError as e:
        return "handled " + str(e)
co = guarded()
co.send(None)
try:
    co.throw(ValueError("bad"))
except StopIteration as e:
    print(e.value)

# close
async def with_finally():
    try:
        await Future(1)
    finally:
        print("coroutine cleanup")
co = with_finally()
co.send(None)
co.close()

# await errors
async def await_int():
    await 1
try:
    await_int().send(None)
except TypeError as e:
    print("TypeError:", e)

class BadAwait:
    def __await__(self):
        return 1
async def await_bad():
    await BadAwait()
try:
    await_bad().send(None)
except TypeError as e:
    print("TypeError:", e)

# __await__ wrapper
async def simple():
    return 42
w = simple().__await__()
print(type(w).__name__)
try:
    next(w)
except StopIteration as e:
    print("wrapped", e.value)

# types.coroutine generator-based coroutines
@types.coroutine
def legacy():
    v = yield "legacy"
    return v
async def use_legacy():
    return await legacy()
co = use_legacy()
print(co.send(None))
try:
    co.send("back")
except StopIteration as e:
    print("legacy result", e.value)

# async with
class ACM:
    async def __aenter__(self):
        print("aenter")
        return "resource"
    async def __aexit__(self, *exc):
        print("aexit", exc[0].__name__ if exc[0] else None)
        return True

async def use_acm():
    async with ACM() as r:
        print("inside", r)
    async with ACM():
        raise KeyError("swallowed")
    return "ok"
print(run(use_acm()))

async def bad_acm():
    async with 1:
        pass
try:
    bad_acm().send(None)
except TypeError as e:
    print("TypeError:", e)

# async for over an async generator
async def agen(n):
    for i in range(n):
        yield i
        await Future(i)

async def consume():
    out = []
    async for v in agen(3):
        out.append(v)
    return out
print(run(consume(), [None] * 10))

async def comprehension():
    return [v async for v in agen(2)]
print(run(comprehension(), [None] * 10))

# async generator protocol by hand
async def ag():
    try:
        x = yield 1
        print("ag got", x)
        yield 2
    finally:
        print("ag finally")

a = ag()
print(type(a).__name__, a.__name__)
aw = a.__anext__()
try:
    aw.send(None)
except StopIteration as e:
    print("first", e.value)
aw = a.asend("hello")
try:
    aw.send(None)
except StopIteration as e:
    print("second", e.value)
aw = a.aclose()
try:
    aw.send(None)
except StopIteration:
    print("closed")
aw = a.__anext__()
try:
    aw.send(None)
except StopAsyncIteration:
    print("StopAsyncIteration")

a = ag()
try:
    a.__anext__().send(None)
except StopIteration as e:
    print("got", e.value)
try:
    a.athrow(ValueError("x")).send(None)
except ValueError as e:
    print("athrow raised", repr(e))

async def bad_async_for():
    async for x in [1, 2]:
        pass
try:
    bad_async_for().send(None)
except TypeError as e:
    print("TypeError:", e)

# reusing an awaited anext
a = ag()
aw = a.__anext__()
try:
    aw.send(None)
except StopIteration:
    pass
try:
    aw.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    a.aclose().send(None)
except StopIteration:
    print("closed again")

import sys
print(sys.get_asyncgen_hooks())
# sys.set_asyncgen_hooks: firstiter and finalizer
import sys
seen = []
def first(agen):
    seen.append(("first", agen.__name__))
def fin(agen):
    seen.append(("fin", agen.__name__))
old = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(firstiter=first, finalizer=fin)
print(sys.get_asyncgen_hooks().firstiter is first)
async def ag():
    yield 1
    yield 2
a = ag()
try:
    a.__anext__().send(None)
except StopIteration as e:
    print("value", e.value)
del a
print(seen)
try:
    sys.set_asyncgen_hooks(firstiter=5)
except TypeError as e:
    print("TypeError:", e)
sys.set_asyncgen_hooks(*old)
print(sys.get_asyncgen_hooks())
