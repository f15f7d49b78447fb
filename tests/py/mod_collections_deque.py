# _collections.deque: every method, the block storage across many blocks,
# maxlen trimming, mutation detection, errors with CPython's messages
from _collections import deque, _deque_iterator, _deque_reverse_iterator
import copy, weakref, gc

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

d = deque()
t('empty', lambda: (d, len(d), bool(d), d.maxlen))
for i in range(200):
    d.append(i)
    d.appendleft(-i)
t('len', lambda: len(d))
t('ends', lambda: (d[0], d[-1], d[1], d[-2], d[199], d[200]))
t('sum', lambda: sum(d))
t('list', lambda: list(d)[:5] + list(d)[-5:])
t('pops', lambda: [d.pop() for _ in range(150)][-3:])
t('poplefts', lambda: [d.popleft() for _ in range(150)][-3:])
t('rest', lambda: list(d))
while d:
    d.pop()
t('drained', lambda: (d, len(d)))
t('pop empty', lambda: d.pop())
t('popleft empty', lambda: d.popleft())
d.extend(range(5))
t('extend', lambda: d)
d.extendleft('abc')
t('extendleft', lambda: d)
d.extend(d)
t('extend self', lambda: d)
d.extendleft(d)
t('extendleft self', lambda: len(d))
t('extend bad', lambda: d.extend(5))
d = deque(range(10))
d.rotate()
t('rotate', lambda: d)
d.rotate(-3)
t('rotate -3', lambda: d)
d.rotate(25)
t('rotate 25', lambda: d)
d.rotate(-1001)
t('rotate -1001', lambda: d)
t('rotate bad', lambda: d.rotate('a'))
t('rotate args', lambda: d.rotate(1, 2))
dd = deque(range(300))
dd.rotate(130)
t('rotate big', lambda: (dd[0], dd[-1], dd[150], len(dd)))
dd.reverse()
t('reverse big', lambda: (dd[0], dd[-1], dd[150]))
d = deque('abcde')
d.reverse()
t('reverse', lambda: d)
t('count', lambda: deque('abracadabra').count('a'))
t('count noarg', lambda: d.count())
t('index', lambda: deque('abcabc').index('c'))
t('index start', lambda: deque('abcabc').index('c', 3))
t('index neg', lambda: deque('abcabc').index('a', -3))
t('index stop', lambda: deque('abcabc').index('c', 0, 2))
t('index big', lambda: deque('abcabc').index('b', -100, 100))
t('index missing', lambda: deque('abc').index('z'))
t('index bad', lambda: deque('abc').index('a', 'x'))
t('index none', lambda: deque('abc').index('a', None))
d = deque('abcde')
d.insert(2, 'X')
d.insert(-1, 'Y')
d.insert(100, 'Z')
d.insert(-100, 'W')
d.insert(0, 'V')
t('insert', lambda: d)
t('insert full', lambda: deque([1], maxlen=1).insert(0, 5))
t('insert bad', lambda: d.insert('a', 1))
d.remove('X')
t('remove', lambda: d)
t('remove missing', lambda: d.remove('nope'))
del d[1]
t('del', lambda: d)
del d[-1]
t('del -1', lambda: d)
d[0] = 'first'
d[-1] = 'last'
t('setitem', lambda: d)
t('getitem oob', lambda: d[100])
t('setitem oob', lambda: d.__setitem__(100, 1))
t('delitem oob', lambda: d.__delitem__(-100))
t('getitem str', lambda: d['a'])
t('getitem slice', lambda: d[1:2])
t('contains', lambda: ('Y' in d, 'zz' in d))
big = deque(range(1000))
for i in (0, 63, 64, 65, 500, 936, 999):
    big[i] = -i
t('big set', lambda: [big[i] for i in (0, 63, 64, 65, 500, 936, 999)])
del big[500]
t('big del', lambda: (len(big), big[499], big[500]))
d.clear()
t('clear', lambda: d)

# maxlen
m = deque(range(10), maxlen=3)
t('maxlen', lambda: (m, m.maxlen))
m.append(10)
m.appendleft(-1)
t('maxlen append', lambda: m)
m.extend(range(100, 105))
t('maxlen extend', lambda: m)
m.extendleft('ab')
t('maxlen extendleft', lambda: m)
z = deque(range(5), maxlen=0)
z.append(1)
z.extend(range(3))
t('maxlen 0', lambda: z)
t('maxlen neg', lambda: deque(maxlen=-1))
t('maxlen str', lambda: deque(maxlen='a'))
t('maxlen none', lambda: deque('ab', None))
t('args', lambda: deque([1], 2, 3))
t('kwarg', lambda: deque(x=1))
t('kw', lambda: deque(iterable='ab', maxlen=5))
t('maxlen readonly', lambda: setattr(m, 'maxlen', 4))

# re-init
r = deque('abc')
r.__init__('xy', 5)
t('reinit', lambda: r)

# operators
a = deque([1, 2])
t('add', lambda: a + deque([3]))
t('add list', lambda: a + [3])
t('mul', lambda: (a * 3, 3 * a, a * 0, a * -1))
t('mul maxlen', lambda: deque([1, 2, 3], maxlen=5) * 3)
t('mul bad', lambda: a * 'x')
b = a
b += [7, 8]
t('iadd', lambda: (b, b is a))
b *= 2
t('imul', lambda: (b, b is a))
s = deque('x', maxlen=4)
s *= 10
t('imul single maxlen', lambda: s)
t('compare', lambda: (deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([1]), deque([1, 2]) < deque([1, 3]), deque([1, 2]) <= deque([1, 2, 0]), deque([2]) > deque([1, 9]), deque([1]) >= deque([1])))
t('compare list', lambda: deque([1]) == [1])
t('compare lt list', lambda: deque([1]) < [1])
t('hash', lambda: hash(deque()))
t('bool', lambda: (bool(deque()), bool(deque([0]))))

# copy / repr / reduce
c = deque([1, [2]], maxlen=5)
c2 = c.copy()
c3 = copy.copy(c)
c4 = copy.deepcopy(c)
t('copy', lambda: (c2, c3, c4, c2.maxlen, c4[1] is c[1], c3[1] is c[1]))
t('copy args', lambda: c.copy(1))
rec = deque([1])
rec.append(rec)
t('repr rec', lambda: repr(rec))
t('reduce', lambda: (deque([1]).__reduce__()[:3], deque([1], 3).__reduce__()[:3]))
t('reduce iter', lambda: list(deque([4, 5]).__reduce__()[3]))
class Sub(deque):
    pass
sd = Sub('ab', 4)
t('subclass repr', lambda: repr(sd))
t('subclass copy', lambda: (type(sd.copy()).__name__, sd.copy(), type(sd + deque('c')).__name__))
sd.attr = 5
t('subclass reduce', lambda: sd.__reduce__()[:3])
t('subclass deepcopy', lambda: (copy.deepcopy(sd), copy.deepcopy(sd).attr))
class BadSub(deque):
    def __new__(cls, *args):
        return object.__new__(Other) if args else deque.__new__(cls)
class Other: pass
t('bad copy', lambda: BadSub().copy())
t('class getitem', lambda: deque[int])

# iteration
it = iter(deque(range(100)))
next(it)
t('iter hint', lambda: it.__length_hint__())
t('iter reduce', lambda: it.__reduce__()[1][1])
t('iter type', lambda: type(it).__name__)
t('reversed', lambda: list(reversed(deque(range(130))))[:3])
ri = reversed(deque(range(5)))
next(ri)
t('reviter reduce', lambda: (ri.__reduce__()[1][1], list(ri)))
md = deque([1, 2, 3])
mi = iter(md)
next(mi)
md.append(4)
t('mutated', lambda: next(mi))
t('mutated again', lambda: next(mi))
t('_deque_iterator', lambda: list(_deque_iterator(deque('abcd'), 2)))
t('_deque_reverse_iterator', lambda: list(_deque_reverse_iterator(deque('abcd'), 1)))
t('_deque_iterator bad', lambda: _deque_iterator(1))
t('_deque_iterator over', lambda: list(_deque_iterator(deque('ab'), 10)))
class Evil:
    def __eq__(self, other):
        ed.append(1)
        return False
ed = deque([Evil(), 2])
t('count mutated', lambda: ed.count(2))
ed = deque([Evil(), 2])
t('index mutated', lambda: ed.index(2))
ed = deque([Evil(), 2])
t('remove mutated', lambda: ed.remove(2))
ed = deque([Evil(), 2])
t('contains mutated', lambda: 2 in ed)

# weakref / gc
w = deque([1])
r = weakref.ref(w)
t('weakref', lambda: r() is w)
del w
t('weakref dead', lambda: r())
cyc = deque()
cyc.append(cyc)
wr = weakref.ref(cyc)
del cyc
gc.collect()
t('gc cycle', lambda: wr())
t('type', lambda: (deque.__module__, deque.__name__, deque.__hash__, type(deque.__dict__['maxlen']).__name__))
