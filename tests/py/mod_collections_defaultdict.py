# _collections.defaultdict, _tuplegetter, _count_elements, OrderedDict export
import _collections
from _collections import defaultdict, _tuplegetter, _count_elements, OrderedDict
import copy

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

d = defaultdict(list)
d['a'].append(1)
d['a'].append(2)
d['b']
t('basic', lambda: d)
t('get no default', lambda: (d.get('zz'), 'zz' in d))
t('missing direct', lambda: d.__missing__('q'))
t('after missing', lambda: sorted(d))
n = defaultdict()
t('no factory', lambda: n['x'])
t('no factory repr', lambda: repr(n))
t('none factory', lambda: repr(defaultdict(None, {1: 2})))
t('no factory missing', lambda: n.__missing__((1, 2)))
t('bad factory', lambda: defaultdict(1))
t('kwargs', lambda: defaultdict(int, {1: 2}, a=3))
t('pairs', lambda: defaultdict(int, [(1, 2)]))
t('factory attr', lambda: (d.default_factory, n.default_factory))
d.default_factory = set
d['c'].add(4)
t('set factory', lambda: d['c'])
t('del factory', lambda: delattr(d, 'default_factory'))
t('copy', lambda: (d.copy(), type(d.copy()).__name__, copy.copy(d) == d))
cd = copy.deepcopy(defaultdict(list, {1: [2]}))
t('deepcopy', lambda: cd)
r = defaultdict(list, {1: 2}).__reduce__()
t('reduce', lambda: (r[:4], list(r[4])))
t('reduce none', lambda: defaultdict().__reduce__()[1])
t('or', lambda: defaultdict(int, {1: 1}) | {2: 2})
t('ror', lambda: {2: 2} | defaultdict(int, {1: 1}))
t('or type', lambda: (type(defaultdict(int) | {}).__name__, type({} | defaultdict(int)).__name__))
t('or bad', lambda: defaultdict(int) | 1)
io = defaultdict(int, {1: 1})
io |= {3: 3}
t('ior', lambda: (io, type(io).__name__))
t('eq dict', lambda: defaultdict(int, {1: 2}) == {1: 2})
t('isinstance', lambda: (isinstance(d, dict), defaultdict.__mro__))
rec = defaultdict(list)
rec.default_factory = rec.__getitem__
t('repr', lambda: repr(defaultdict(lambda: 0))[:30])
class Sub(defaultdict):
    pass
s = Sub(int)
s[1] += 5
t('subclass', lambda: (repr(s), type(s.copy()).__name__, s.copy()))
t('class getitem', lambda: defaultdict[str, int])
counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
t('counting', lambda: sorted(counts.items()))
t('type', lambda: (defaultdict.__module__, defaultdict.__name__, type(defaultdict.__dict__['default_factory']).__name__))

# _tuplegetter
class P(tuple):
    x = _tuplegetter(0, 'x doc')
    y = _tuplegetter(1, 'y doc')
p = P((1, 2))
t('tg get', lambda: (p.x, p.y))
t('tg class', lambda: (type(P.x).__name__, P.x.__doc__))
t('tg repr', lambda: repr(P.x))
t('tg set', lambda: setattr(p, 'x', 5))
t('tg del', lambda: delattr(p, 'x'))
t('tg short', lambda: P(()).x)
t('tg wrong', lambda: P.x.__get__(5))
t('tg none', lambda: P.x.__get__(None))
t('tg none type', lambda: P.x.__get__(None, P) is P.x)
t('tg reduce', lambda: P.x.__reduce__())
t('tg bad', lambda: _tuplegetter('a', 'doc'))
t('tg args', lambda: _tuplegetter(1))
tg = _tuplegetter(0, None)
tg.__doc__ = 'changed'
t('tg doc set', lambda: tg.__doc__)
t('tg neg', lambda: _tuplegetter(-1, 'd').__get__((1, 2)))

# _count_elements
c = {}
_count_elements(c, 'abracadabra')
t('count_elements', lambda: c)
_count_elements(c, 'ab')
t('count_elements again', lambda: c)
class MyMap(dict):
    def get(self, k, default=None):
        return dict.get(self, k, default)
mm = MyMap()
_count_elements(mm, [1, 1, 2])
t('count_elements sub', lambda: mm)
t('count_elements bad', lambda: _count_elements(1, 'a'))
t('count_elements noniter', lambda: _count_elements({}, 1))
t('count_elements args', lambda: _count_elements({}))
t('OrderedDict', lambda: (OrderedDict, OrderedDict(a=1)))
t('module', lambda: sorted(n for n in dir(_collections) if not n.startswith('__')))
