# sys.setprofile: call/return of Python frames, c_call/c_return/
# c_exception of builtin functions and methods
import sys

def prof(frame, event, arg):
    name = frame.f_code.co_name
    if event.startswith('c_'):
        arg = getattr(arg, '__qualname__', None) or arg.__name__
    elif not isinstance(arg, (int, str, type(None))):
        arg = type(arg).__name__
    print(f"{event:11} {name:10} {arg!r}")

def work(items):
    n = len(items)
    items.append(n)
    s = sorted(items)
    try:
        int('x')
    except ValueError:
        pass
    try:
        abs('x')
    except TypeError:
        pass
    d = {}
    d.setdefault('a', []).append(1)
    m = max(*items)
    k = dict(a=1)
    return sum(s) + m

def gen():
    yield len([1])
    yield 2

class K:
    def method(self):
        return self

sys.setprofile(prof)
work([3, 1, 2])
list(gen())
K().method()
print('in between')
isinstance(1, int)
sys.setprofile(None)
print(sys.getprofile())
sys.setprofile(prof)
print(sys.getprofile() is prof)
sys.setprofile(None)

# a profile function that raises is removed
def bad(frame, event, arg):
    if event == 'c_call':
        raise RuntimeError('profile failed')

def victim():
    return len('abc')

sys.setprofile(bad)
try:
    victim()
except RuntimeError as e:
    print('raised', e, sys.getprofile())
sys.setprofile(None)

# tracing and profiling together
log = []
def t(frame, event, arg):
    log.append(('t', event, frame.f_code.co_name))
    return t
def p(frame, event, arg):
    log.append(('p', event, frame.f_code.co_name))
def both():
    return abs(-1)
sys.settrace(t)
sys.setprofile(p)
both()
sys.setprofile(None)
sys.settrace(None)
for entry in log:
    print(entry)
