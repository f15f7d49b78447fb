# sys.settrace: call/line/return/exception events for plain code
import sys

def show(frame, event, arg):
    co = frame.f_code
    if event == 'exception':
        arg = (arg[0].__name__, str(arg[1]), type(arg[2]).__name__)
    elif event == 'call':
        arg = None
    if not isinstance(arg, (int, str, tuple, type(None))):
        arg = type(arg).__name__
    print(f"{event:9} {co.co_name:10} {frame.f_lineno - co.co_firstlineno:3} {arg!r}")
    return show

def add(a, b):
    c = a + b
    return c

def loop(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
        else:
            total -= 1
    while n > 0:
        n -= 1
    return total

def nested():
    return add(1, 2) + add(3, 4)

def raiser():
    x = 1
    raise KeyError('k')

def catcher():
    try:
        raiser()
    except KeyError as e:
        r = 'caught'
    finally:
        r2 = 'fin'
    return r

def uncaught():
    return raiser()

def comprehension():
    return [x * 2 for x in range(3)]

def with_lambda():
    f = lambda y: y + 1
    return f(1)

class C:
    def __init__(self):
        self.v = 1
    def meth(self):
        return self.v

def multi_line_expr():
    x = (1 +
         2 +
         3)
    return x

def early(flag):
    if flag:
        return 'yes'
    return 'no'

def deep(n):
    if n == 0:
        return 0
    return deep(n - 1) + 1

sys.settrace(show)
add(1, 2)
loop(4)
nested()
catcher()
try:
    uncaught()
except KeyError:
    pass
comprehension()
with_lambda()
C().meth()
multi_line_expr()
early(True)
early(False)
deep(3)
sys.settrace(None)
print(sys.gettrace())
sys.settrace(show)
print(sys.gettrace() is show)
sys.settrace(None)
add(5, 6)
print('end')
