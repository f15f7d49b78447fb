# 'line' events over control flow: loops, break/continue, with, try/finally,
# match, chained comparisons, class bodies, decorators, module code
import sys

def show(frame, event, arg):
    co = frame.f_code
    if event == 'exception':
        arg = (arg[0].__name__, str(arg[1]))
    elif event == 'call' or not isinstance(arg, (int, str, type(None), bool)):
        arg = None
    print(f"{event:9} {co.co_name:12} {frame.f_lineno - co.co_firstlineno:3} {arg!r}")
    return show

class CM:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False

def loops():
    out = []
    for i in range(5):
        if i == 1:
            continue
        if i == 3:
            break
        out.append(i)
    else:
        out.append('else')
    j = 0
    while True:
        j += 1
        if j > 2:
            break
    for a in range(2):
        for b in range(2):
            out.append(a * b)
    return out

def withs():
    with CM() as c:
        x = 1
    with CM():
        try:
            raise ValueError
        except ValueError:
            y = 2
    return x + y

def finallys():
    try:
        return 1
    finally:
        z = 2

def finally_exc():
    try:
        try:
            1 / 0
        finally:
            w = 3
    except ZeroDivisionError:
        return 'zde'

def matcher(v):
    match v:
        case [a, b]:
            return a + b
        case {'k': x}:
            return x
        case int() if v > 2:
            return 'big'
        case _:
            return None

def cond(a):
    r = 'a' if a else 'b'
    ok = 0 < a < 5
    both = a and r
    return r, ok, both

def deco(f):
    return f

@deco
def decorated():
    return 1

def make_class():
    class Inner:
        x = 1
        def m(self):
            return self.x
    return Inner().m()

def reraiser():
    try:
        raise KeyError('a')
    except KeyError:
        raise

def chain():
    try:
        reraiser()
    except KeyError:
        pass
    try:
        raise TypeError('t') from None
    except TypeError:
        pass

def assert_fail():
    try:
        assert False, 'msg'
    except AssertionError:
        return 'assert'

def fstring(v):
    return f"{v!r:>5}"

def star_args(*a, **k):
    return len(a) + len(k)

def unpack():
    a, *b = [1, 2, 3]
    (c, d) = 4, 5
    return a, b, c, d

def delete():
    q = 1
    del q
    try:
        q
    except UnboundLocalError as e:
        return str(e)

sys.settrace(show)
loops()
withs()
finallys()
finally_exc()
for v in ([1, 2], {'k': 3}, 7, 'x'):
    matcher(v)
cond(0)
cond(3)
decorated()
make_class()
chain()
assert_fail()
fstring(3)
star_args(1, 2, k=3)
unpack()
delete()
x = 1
if x:
    y = 2
sys.settrace(None)
print('end')
