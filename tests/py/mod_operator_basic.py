# _operator: every function, the getters' calls, reprs, reduce and errors
import _operator as o

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
for f in (lambda: o.neg(), lambda: o.add(1), lambda: o.truth(), lambda: o.setitem(1,2), lambda: o.length_hint(), lambda: o.length_hint([], 'a'), lambda: o.call(), lambda: o.indexOf([1],2), lambda: o.concat(1,2), lambda: o.iconcat(1,2), lambda: o.itemgetter(), lambda: o.itemgetter(1, x=2), lambda: o.itemgetter(1)(1,2), lambda: o.attrgetter(1), lambda: o.methodcaller(), lambda: o.methodcaller(1), lambda: o.methodcaller('a')(x=1), lambda: o._compare_digest('é','a'), lambda: o._compare_digest(1,2), lambda: o._compare_digest('a', b'a'), lambda: o.is_(1), lambda: o.countOf(1,1), lambda: o.pow(1), lambda: o.index('a'), lambda: o.attrgetter('a')(), lambda: o.not_(1,2)):
    t('err', f)
print(repr(o.itemgetter(1)), repr(o.itemgetter(1,'a')), repr(o.attrgetter('a.b')), repr(o.attrgetter('a', 'b.c')), repr(o.methodcaller('f', 1, x=2)), repr(o.methodcaller('f')))
print(o.itemgetter(1).__reduce__(), o.itemgetter(1,2).__reduce__(), o.attrgetter('a.b','c').__reduce__(), o.methodcaller('f', 1).__reduce__())
print(o.length_hint([1,2]), o.length_hint(iter([1,2,3])), o.length_hint(5, 7))
print(o.add.__doc__, o.__doc__[:50], o.neg.__text_signature__)
print(sorted(n for n in dir(o) if not n.startswith('__')))

import copy
class N:
    def __init__(self, v): self.v = v
    def __repr__(self): return 'N(%r)' % self.v
    def __iadd__(self, o): return N(('iadd', self.v, o))
    def __imatmul__(self, o): return N(('imatmul', self.v))
    def __matmul__(self, o): return N(('matmul', self.v))
    def __index__(self): return 7
for name in ['add', 'sub', 'mul', 'floordiv', 'truediv', 'mod', 'lshift', 'rshift', 'and_', 'xor', 'or_', 'pow',
             'iadd', 'isub', 'imul', 'ifloordiv', 'itruediv', 'imod', 'ilshift', 'irshift', 'iand', 'ixor', 'ior', 'ipow',
             'lt', 'le', 'eq', 'ne', 'gt', 'ge', 'is_', 'is_not']:
    fn = getattr(o, name)
    t(name, lambda: (fn(13, 3), fn(6, 2)))
t('matmul', lambda: (o.matmul(N(1), 2), o.imatmul(N(1), 2), o.iadd(N(1), 2)))
t('matmul err', lambda: o.matmul(1, 2))
for name in ['neg', 'pos', 'abs', 'inv', 'invert', 'not_', 'truth', 'index']:
    fn = getattr(o, name)
    t(name, lambda: (fn(5), fn(True)))
t('index obj', lambda: o.index(N(1)))
t('seq', lambda: (o.concat([1], [2]), o.concat('a', 'b'), o.contains([1, 2], 2), o.countOf([1, 2, 1], 1), o.indexOf('abc', 'c')))
l = [1, 2]
t('iconcat', lambda: (o.iconcat(l, [3]) is l, l))
d = {}
t('items', lambda: (o.setitem(d, 'k', 1), o.getitem(d, 'k'), o.delitem(d, 'k'), d))
t('getitem err', lambda: o.getitem({}, 'x'))
t('delitem err', lambda: o.delitem([], 0))
t('length_hint', lambda: (o.length_hint([1, 2, 3]), o.length_hint(iter(range(4))), o.length_hint(object(), 9)))
t('call', lambda: (o.call(max, 1, 5), o.call(dict, a=1), o.call(sorted, [3, 1], reverse=True)))
t('call noncallable', lambda: o.call(1))
t('digest', lambda: (o._compare_digest('abc', 'abc'), o._compare_digest('abc', 'abd'), o._compare_digest('a', 'ab'), o._compare_digest(b'x', bytearray(b'x')), o._compare_digest(b'', b'')))
t('digest memoryview', lambda: o._compare_digest(memoryview(b'ab'), b'ab'))
ig = o.itemgetter(1)
t('itemgetter', lambda: (ig([1, 2]), ig((1, 2)), ig({1: 'a'}), ig('xy'), o.itemgetter(-1)((1, 2)), o.itemgetter(5)))
t('itemgetter oob', lambda: ig((1,)))
t('itemgetter multi', lambda: o.itemgetter(0, 2, 'x'.__len__())('abc'))
t('itemgetter slice', lambda: o.itemgetter(slice(1, None))([1, 2, 3]))
t('itemgetter big', lambda: o.itemgetter(2**70)((1,)))
t('itemgetter kwcall', lambda: ig([1, 2], x=1))
t('itemgetter copy', lambda: (copy.copy(ig)([5, 6]), copy.deepcopy(o.itemgetter(0, 1))('ab')))
class A:
    pass
a = A()
a.b = A()
a.b.c = 'deep'
a.x = 1
ag = o.attrgetter('b.c')
t('attrgetter', lambda: (ag(a), o.attrgetter('x')(a), o.attrgetter('x', 'b.c')(a)))
t('attrgetter missing', lambda: o.attrgetter('b.z')(a))
t('attrgetter copy', lambda: (copy.copy(ag)(a), copy.deepcopy(o.attrgetter('x', 'b.c'))(a)))
t('attrgetter kw', lambda: o.attrgetter('a', x=1))
t('attrgetter call kw', lambda: ag(a, x=1))
mc = o.methodcaller('split', ',', maxsplit=1)
t('methodcaller', lambda: (mc('a,b,c'), repr(mc), o.methodcaller('upper')('q')))
t('methodcaller copy', lambda: copy.copy(o.methodcaller('count', 'a'))('banana'))
t('methodcaller missing', lambda: o.methodcaller('nope')(1))
t('methodcaller args', lambda: mc())
t('reprs', lambda: (repr(o.methodcaller('f', 'a', [1])), repr(o.itemgetter((1, 2))), repr(o.itemgetter('a', 'b'))))
class Sub:
    pass
for tp in (o.itemgetter, o.attrgetter, o.methodcaller):
    try:
        type('X', (tp,), {})
        print(tp.__name__, 'subclassable')
    except TypeError as e:
        print(tp.__name__, e)
print([tp.__module__ for tp in (o.itemgetter, o.attrgetter, o.methodcaller)])
rig = o.itemgetter(0)
print(sorted([(2, 'b'), (1, 'a'), (3, 'c')], key=rig), max([A(), A()], key=lambda v: 0).__class__.__name__)
import operator
print(operator.add is o.add, operator.__lt__ is o.lt, operator.itemgetter is o.itemgetter, operator.length_hint is o.length_hint, operator.call is o.call)
