# async/await: coroutines driven by hand (no event loop), async with,
# async for, async comprehensions, async generators, await chains.

class Awaitable:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        got = yield ("suspend", self.v)
        return self.v * 2 if got is None else got

async def add(a, b):
    x = await Awaitable(a)
    y = await Awaitable(b)
    return x + y

def run(coro):
    sent = None
    trace = []
    while True:
        try:
            item = coro.send(sent)
        except StopIteration as e:
            return e.value, trace
        trace.append(item)
        sent = None

print(run(add(1, 2)))

class ACM:
    async def __aenter__(self):
        print("aenter")
        await Awaitable(0)
        return "resource"
    async def __aexit__(self, t, v, tb):
        print("aexit", t.__name__ if t else None)
        return False

class ARange:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Awaitable(self.i)
        return self.i

async def agen(n):
    for i in range(n):
        await Awaitable(i)
        yield i * 100

async def main():
    async with ACM() as r:
        print("inside", r)
    total = 0
    async for v in ARange(3):
        total += v
    else:
        print("async for else")
    lst = [v async for v in ARange(4) if v % 2 == 0]
    gen_vals = [x async for x in agen(3)]
    awaited = [await Awaitable(i) for i in range(2)]
    try:
        async with ACM():
            raise ValueError("inside async with")
    except ValueError as e:
        print("caught", e)
    return total, lst, gen_vals, awaited

value, trace = run(main())
print(value, len(trace))

async def simple():
    return "simple"

co = simple()
print(type(co).__name__, run(co)[0])

async def agen2():
    yield 1
    yield 2

ag = agen2()
print(type(ag).__name__, type(ag.__anext__()).__name__)

import types
print(bool(simple.__code__.co_flags & 0x80), bool(agen2.__code__.co_flags & 0x200))
