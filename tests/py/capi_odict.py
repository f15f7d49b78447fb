# OrderedDict behaviour (collections): order, move_to_end, popitem(last=),
# order-sensitive equality, reversed, views, repr (3.11 style), copies,
# pickling round trip and the | operators.
from collections import OrderedDict
import pickle, copy

od = OrderedDict()
print(repr(od))
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od, list(od), list(od.keys()), list(od.values()), list(od.items()))
print(list(reversed(od)), list(reversed(od.keys())), list(reversed(od.values())), list(reversed(od.items())))
od.move_to_end('b')
print(list(od))
od.move_to_end('b', last=False)
print(list(od))
od.move_to_end('c', False)
print(list(od))
try:
    od.move_to_end('zz')
except KeyError as e:
    print('KeyError', e)
print(od.popitem(), od.popitem(last=False), od)
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)

a = OrderedDict([(1, 'x'), (2, 'y')])
b = OrderedDict([(2, 'y'), (1, 'x')])
print(a == b, a != b, a == dict(b), dict(a) == b, a == {1: 'x', 2: 'y'})
print(OrderedDict(a=1, b=2), OrderedDict([('z', 0)], y=1))
print(OrderedDict.fromkeys('abc', 0))
c = a.copy()
print(type(c).__name__, c, c == a, c is a)
print(copy.deepcopy(a), copy.copy(a))
print(pickle.loads(pickle.dumps(a)) == a)
print(a | {3: 'z'}, {0: 'w'} | a, type(a | {}).__name__)
a |= {9: 'q'}
print(a)
print(a.setdefault(1, 'no'), a.setdefault(7, 'new'), list(a))
print(a.pop(7), a.pop(100, 'dflt'))
try:
    a.pop(100)
except KeyError as e:
    print('KeyError', e)
del a[1]
a[1] = 'back'
print(list(a))
a.update([(5, 'u')], k='kw')
print(list(a.items()))
print(len(a), 5 in a, 6 in a)
print(repr(a.keys()), repr(a.values())[:12], repr(a.items())[:11])
r = OrderedDict()
r['self'] = r
print(r)
class Sub(OrderedDict):
    pass
s = Sub(x=1)
print(s, s.copy(), type(s.copy()).__name__)
try:
    hash(OrderedDict())
except TypeError as e:
    print('TypeError', e)
it = iter(od := OrderedDict.fromkeys('ab'))
od['c'] = None
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError', e)
