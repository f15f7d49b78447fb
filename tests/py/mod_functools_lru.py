# _functools._lru_cache_wrapper: key making, hits and misses, bounded eviction, methods
from _functools import _lru_cache_wrapper
def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
Info = lambda *a: a
calls = []
def f(*a, **k):
    calls.append((a, k))
    return len(calls)
for maxsize in (None, 0, 2, 3):
    for typed in (False, True):
        calls.clear()
        w = _lru_cache_wrapper(f, maxsize, typed, Info)
        seq = [(1,), (1.0,), (True,), ('a',), (1,), (2,), (3,), (1,), (2,), ((1, 2),), (1, 2), ((1, 2),)]
        out = [w(*a) for a in seq]
        out += [w(1, x=2), w(1, x=2), w(x=2), w(1, y=1, x=2), w(1, x=2, y=1), w(1, x=2.0)]
        print(maxsize, typed, out, w.cache_info())
        w.cache_clear()
        print('cleared', w.cache_info())
w = _lru_cache_wrapper(f, 2, False, Info)
t('unhashable', lambda: w([1]))
t('bad maxsize', lambda: _lru_cache_wrapper(f, 'a', False, Info))
t('neg maxsize', lambda: _lru_cache_wrapper(f, -5, False, Info).cache_info())
t('big maxsize', lambda: _lru_cache_wrapper(f, 2**100, False, Info))
t('not callable', lambda: _lru_cache_wrapper(1, 2, False, Info))
t('args', lambda: _lru_cache_wrapper(f, 2))
def err(x):
    raise ValueError(x)
we = _lru_cache_wrapper(err, 2, False, Info)
t('error', lambda: we(1))
t('error info', lambda: we.cache_info())
class C:
    @lambda fn: _lru_cache_wrapper(fn, None, False, Info)
    def m(self, x):
        return (type(self).__name__, x)
c = C()
t('method', lambda: (c.m(1), c.m(1), C.m.cache_info()))
t('class access', lambda: C.m is C.__dict__['m'])
import copy
t('copy', lambda: copy.copy(w) is w and copy.deepcopy(w) is w)
w.__qualname__ = 'q'
t('reduce', lambda: w.__reduce__())
w.__wrapped__ = f
t('dict', lambda: sorted(w.__dict__))
t('noqualname', lambda: _lru_cache_wrapper(f, 2, False, Info).__reduce__())
# reentrancy: function that calls itself through the cache
def fib(n):
    return n if n < 2 else wf(n - 1) + wf(n - 2)
wf = _lru_cache_wrapper(fib, 3, False, Info)
t('fib', lambda: (wf(30), wf.cache_info()))
wf2 = _lru_cache_wrapper(fib, None, False, Info)
wf = wf2
t('fib inf', lambda: (wf(50), wf.cache_info()))
import gc, weakref
class Obj: pass
o = Obj()
cw = _lru_cache_wrapper(lambda x: x, 10, False, Info)
cw(o)
o.cache = cw
r = weakref.ref(o)
del o, cw
gc.collect()
t('gc', lambda: r())
# eviction order and reentrancy
order = []
def rec(x):
    order.append(x)
    return x * 10
lw = _lru_cache_wrapper(rec, 3, False, Info)
for x in [1, 2, 3, 1, 4, 2, 5, 1, 3]:
    lw(x)
t('lru order', lambda: (order, lw.cache_info()))
def reent(x):
    if 0 < x < 50:
        rw(x - 1)
        rw(x + 100)
    return x
rw = _lru_cache_wrapper(reent, 2, False, Info)
t('reentrant', lambda: ([rw(i) for i in range(6)], rw.cache_info()))
class BadHash:
    def __hash__(self):
        raise RuntimeError('no hash')
t('bad hash', lambda: _lru_cache_wrapper(rec, 2, False, Info)(BadHash()))
t('bad hash inf', lambda: _lru_cache_wrapper(rec, None, False, Info)(BadHash()))
t('typed kw', lambda: [_lru_cache_wrapper(f, None, True, Info)(1, x=1.0) for _ in range(2)])
t('type', lambda: (type(lw).__name__, type(lw).__module__))
