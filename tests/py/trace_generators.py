# sys.settrace with generators, yield from, send/throw/close and coroutines
import sys

def show(frame, event, arg):
    co = frame.f_code
    if event == 'exception':
        arg = (arg[0].__name__, str(arg[1]))
    elif event == 'call':
        arg = None
    if not isinstance(arg, (int, str, tuple, type(None))):
        arg = type(arg).__name__
    print(f"{event:9} {co.co_name:10} {frame.f_lineno - co.co_firstlineno:3} {arg!r}")
    return show

def gen(n):
    for i in range(n):
        yield i
    return 'done'

def delegator():
    r = yield from gen(2)
    yield r

def receiver():
    total = 0
    while True:
        try:
            v = yield total
        except ValueError:
            v = 100
        if v is None:
            break
        total += v
    return total

def closer():
    try:
        yield 1
        yield 2
    finally:
        print('closing')

class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n

def use_iter():
    s = 0
    for v in It():
        s += v
    return s

async def inner():
    return 5

async def outer():
    v = await inner()
    return v + 1

def genexpr():
    return sum(x for x in range(3))

sys.settrace(show)
print(list(gen(2)))
print(list(delegator()))
r = receiver()
next(r)
r.send(5)
r.throw(ValueError)
try:
    r.send(None)
except StopIteration as e:
    print('stop', e.value)
c = closer()
next(c)
c.close()
print(use_iter())
co = outer()
try:
    co.send(None)
except StopIteration as e:
    print('coro', e.value)
print(genexpr())
sys.settrace(None)
print('end')
