# itertools: every iterator type, its arguments, edge cases and error messages
import itertools as it
from itertools import *
import sys

def t(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

# count
t('count', lambda: list(islice(count(), 5)))
t('count start', lambda: list(islice(count(10), 3)))
t('count step', lambda: list(islice(count(1, 3), 4)))
t('count float', lambda: list(islice(count(1.5, 0.5), 4)))
t('count neg', lambda: list(islice(count(-2, -1), 4)))
t('count big', lambda: list(islice(count(2**64), 2)))
t('count maxsize', lambda: list(islice(count(sys.maxsize - 1), 4)))
t('count complex', lambda: list(islice(count(1j, 1), 2)))
t('count kw', lambda: list(islice(count(step=2, start=1), 3)))
t('count repr', lambda: [repr(count()), repr(count(5)), repr(count(1.5, 0.5)), repr(count(2**70)), repr(count(2, 1.0)), repr(count(1, True)), repr(count(0, 2**80))])
c = count(sys.maxsize - 1); next(c); next(c)
t('count repr after', lambda: repr(c))
t('count reduce', lambda: [count(3).__reduce__(), count(1.0, 2).__reduce__(), c.__reduce__()])
t('count bad', lambda: count('a'))
t('count bad step', lambda: count(1, 'a'))
t('count args', lambda: count(1, 2, 3))
t('count kwarg', lambda: count(x=1))

# cycle
t('cycle', lambda: list(islice(cycle('abc'), 8)))
t('cycle empty', lambda: list(cycle([])))
t('cycle args', lambda: cycle())
t('cycle kw', lambda: cycle([1], x=2))
t('cycle notiter', lambda: cycle(1))
cy = cycle('ab'); next(cy)
t('cycle reduce1', lambda: cy.__reduce__()[0])
t('cycle reduce1 state', lambda: cy.__reduce__()[2])
next(cy); next(cy)
t('cycle reduce2', lambda: (cy.__reduce__()[0], cy.__reduce__()[2]))
t('cycle setstate bad', lambda: cy.__setstate__([1]))
t('cycle setstate bad2', lambda: cy.__setstate__((1, 2)))

# repeat
t('repeat', lambda: list(repeat('a', 3)))
t('repeat inf', lambda: list(islice(repeat(7), 3)))
t('repeat neg', lambda: list(repeat('a', -1)))
t('repeat kw', lambda: list(repeat(object='x', times=2)))
t('repeat kw neg', lambda: repr(repeat('a', times=-5)))
t('repeat repr', lambda: [repr(repeat('a', 3)), repr(repeat('a')), repr(repeat([1, 2], 0))])
t('repeat hint', lambda: repeat('a', 3).__length_hint__())
t('repeat hint inf', lambda: repeat('a').__length_hint__())
t('repeat reduce', lambda: [repeat('a', 2).__reduce__(), repeat(1).__reduce__()])
t('repeat bad', lambda: repeat('a', 'b'))
t('repeat none', lambda: repeat())
t('repeat len hint op', lambda: __import__('operator').length_hint(repeat(0, 4)))

# accumulate
t('accumulate', lambda: list(accumulate([1, 2, 3, 4])))
t('accumulate func', lambda: list(accumulate([3, 1, 4, 1, 5], max)))
t('accumulate initial', lambda: list(accumulate([1, 2], initial=100)))
t('accumulate empty initial', lambda: list(accumulate([], initial=5)))
t('accumulate empty', lambda: list(accumulate([])))
t('accumulate strs', lambda: list(accumulate('abc')))
t('accumulate err', lambda: list(accumulate([1, 'a'])))
t('accumulate noargs', lambda: accumulate())
t('accumulate 3pos', lambda: accumulate([1], None, None))
t('accumulate badkw', lambda: accumulate([1], initial=None, foo=1))
a = accumulate([1, 2, 3]); next(a)
t('accumulate reduce', lambda: (a.__reduce__()[0], a.__reduce__()[1][1:], a.__reduce__()[2]))
t('accumulate reduce init', lambda: accumulate([1], initial=3).__reduce__()[0])

# chain
t('chain', lambda: list(chain('ab', [1, 2], (), range(2))))
t('chain empty', lambda: list(chain()))
t('chain from_iterable', lambda: list(chain.from_iterable(['ab', 'cd'])))
t('chain from_iterable gen', lambda: list(chain.from_iterable(range(i) for i in range(4))))
t('chain bad item', lambda: list(chain([1], 2)))
t('chain kw', lambda: chain(x=1))
t('chain fi noargs', lambda: chain.from_iterable())
t('chain class getitem', lambda: chain[int])
ch = chain('ab', 'cd'); next(ch)
r = ch.__reduce__()
t('chain reduce', lambda: (r[0], r[1], len(r[2])))
t('chain setstate bad', lambda: ch.__setstate__([1]))
t('chain setstate noniter', lambda: ch.__setstate__(([1],)))
t('chain reduce done', lambda: (list(ch), ch.__reduce__()))

# compress
t('compress', lambda: list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
t('compress short', lambda: list(compress('ABCDEF', [1, 1])))
t('compress kw', lambda: list(compress(data='abc', selectors=[0, 1, 1])))
t('compress missing', lambda: compress([1]))

# dropwhile / takewhile / filterfalse / starmap
t('dropwhile', lambda: list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
t('takewhile', lambda: list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
t('filterfalse', lambda: list(filterfalse(lambda x: x % 2, range(10))))
t('filterfalse None', lambda: list(filterfalse(None, [0, 1, '', 'a', None, []])))
t('filterfalse bool', lambda: list(filterfalse(bool, [0, 1, '', 'a'])))
t('starmap', lambda: list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
t('starmap list', lambda: list(starmap(max, [[1, 5], 'ab'])))
t('starmap bad', lambda: list(starmap(len, [1])))
t('dropwhile args', lambda: dropwhile(len))
t('takewhile kw', lambda: takewhile(len, [], x=1))
t('filterfalse args', lambda: filterfalse(None))
t('starmap args', lambda: starmap(len))
t('starmap kw', lambda: starmap(len, [], x=1))
t('dropwhile pred err', lambda: list(dropwhile(lambda x: 1 / 0, [1])))
d = dropwhile(lambda x: x < 2, [1, 2, 3]); next(d)
t('dropwhile reduce', lambda: d.__reduce__()[2])
tw = takewhile(lambda x: x < 2, [1, 2, 3]); list(tw)
t('takewhile reduce', lambda: tw.__reduce__()[2])
t('takewhile after stop', lambda: list(tw))

# islice
t('islice stop', lambda: list(islice('ABCDEFG', 2)))
t('islice start stop', lambda: list(islice('ABCDEFG', 2, 4)))
t('islice none', lambda: list(islice('ABCDEFG', 2, None)))
t('islice step', lambda: list(islice('ABCDEFG', 0, None, 2)))
t('islice none all', lambda: list(islice('ABC', None)))
t('islice none none', lambda: list(islice('ABCD', None, None, None)))
t('islice big', lambda: list(islice(range(10), 3, sys.maxsize, 4)))
t('islice index', lambda: list(islice(range(10), True, 5)))
t('islice stop0', lambda: list(islice(count(), 0)))
t('islice errs', lambda: islice([1]))
for args in [('a',), (-1,), (1, 'a'), ('a', 2), (-1, 2), (0, -2), (0, 2, 0), (0, 2, 'x'), (0, 2, -1), (2**64,), (0, 1, 2**64)]:
    t('islice %r' % (args,), lambda: list(islice(range(5), *args)))
t('islice kw', lambda: islice([1], x=1))
t('islice notiter', lambda: islice(1, 2))
isl = islice(range(10), 1, 8, 3); next(isl)
t('islice reduce', lambda: isl.__reduce__()[1][1:] + (isl.__reduce__()[2],))
list(isl)
t('islice reduce done', lambda: isl.__reduce__()[1][1:])

# pairwise
t('pairwise', lambda: list(pairwise('ABCDE')))
t('pairwise 1', lambda: list(pairwise('A')))
t('pairwise 0', lambda: list(pairwise('')))
t('pairwise args', lambda: pairwise())
t('pairwise kw', lambda: pairwise([], x=1))

# zip_longest
t('zip_longest', lambda: list(zip_longest('ABCD', 'xy', fillvalue='-')))
t('zip_longest none', lambda: list(zip_longest('AB', [1])))
t('zip_longest empty', lambda: list(zip_longest()))
t('zip_longest one', lambda: list(zip_longest('ab')))
t('zip_longest kw', lambda: zip_longest([1], foo=2))
t('zip_longest kw2', lambda: zip_longest([1], fillvalue=2, foo=3))
t('zip_longest notiter', lambda: zip_longest([], 1))
z = zip_longest('ab', 'c', fillvalue=0); next(z); next(z)
t('zip_longest reduce', lambda: (z.__reduce__()[0], type(z.__reduce__()[1][1]).__name__, z.__reduce__()[2]))

# groupby
t('groupby', lambda: [(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
t('groupby key', lambda: [(k, list(g)) for k, g in groupby(range(10), lambda x: x // 3)])
t('groupby keys', lambda: [k for k, g in groupby('AAAABBBCCD')])
gb = groupby('aabbc')
k1, g1 = next(gb)
k2, g2 = next(gb)
t('groupby stale grouper', lambda: (list(g1), list(g2)))
t('groupby noargs', lambda: groupby())
t('groupby badkw', lambda: groupby([1], foo=1))
t('groupby key kw', lambda: [k for k, g in groupby(iterable=[1, 1, 2], key=None)])
t('groupby key err', lambda: list(groupby([1], lambda x: 1 / 0)))
t('_grouper bad', lambda: it._grouper(1, 2))
t('grouper reduce stale', lambda: g1.__reduce__())

# tee
a, b = tee(range(5))
t('tee', lambda: (next(a), next(a), list(b), list(a)))
t('tee n', lambda: [list(x) for x in tee('abc', 3)])
t('tee 0', lambda: tee('abc', 0))
t('tee neg', lambda: tee([1], -1))
t('tee bad n', lambda: tee([1], 'a'))
t('tee noargs', lambda: tee())
t('tee of tee', lambda: [list(x) for x in tee(tee('xyz')[0], 2)])
a, b = tee(iter(range(200)))
t('tee long', lambda: (sum(a), sum(b)))
a, = tee([1, 2, 3], 1)
import copy
next(a)
a2 = copy.copy(a)
t('tee copy', lambda: (list(a), list(a2)))
t('tee type', lambda: type(tee([])[0]).__name__)
t('_tee new', lambda: list(it._tee([4, 5])))
t('_tee bad', lambda: it._tee(1))
t('_tee_dataobject bad', lambda: it._tee_dataobject(1, 2, 3))
t('_tee_dataobject bad2', lambda: it._tee_dataobject([1], [1], 3))
class Copyable:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self): return 1
    def __copy__(self): return 'copied'
t('tee __copy__', lambda: tee(Copyable(), 3)[1:])
def reenter():
    def gen():
        yield next(ta)
    ta, tb = tee(gen())
    return next(ta)
t('tee reenter', reenter)
import weakref
ta = tee([1])[0]
t('tee weakref', lambda: weakref.ref(ta)() is ta)

# product
t('product', lambda: list(product('ab', range(2))))
t('product repeat', lambda: list(product((0, 1), repeat=2)))
t('product empty', lambda: list(product()))
t('product empty pool', lambda: list(product('ab', [])))
t('product repeat0', lambda: list(product('ab', repeat=0)))
t('product badkw', lambda: product([1], foo=2))
t('product neg', lambda: product([1], repeat=-1))
t('product badrep', lambda: product([1], repeat='a'))
t('product notiter', lambda: product(1))
res = [p for p in product('ab', 'cd')]
t('product kept', lambda: res)
t('product reused', lambda: len(set(map(id, product('ab', 'cd')))) >= 1)

# combinations / permutations / cwr
t('combinations', lambda: list(combinations('ABCD', 2)))
t('combinations range', lambda: list(combinations(range(4), 3)))
t('combinations r0', lambda: list(combinations('abc', 0)))
t('combinations r>n', lambda: list(combinations('abc', 4)))
t('combinations neg', lambda: combinations([1], -1))
t('combinations missing', lambda: combinations([1]))
t('combinations kw', lambda: list(combinations(iterable='abc', r=2)))
t('combinations bad r', lambda: combinations('abc', 'x'))
t('cwr', lambda: list(combinations_with_replacement('ABC', 2)))
t('cwr empty', lambda: list(combinations_with_replacement('', 2)))
t('cwr empty0', lambda: list(combinations_with_replacement('', 0)))
t('cwr neg', lambda: combinations_with_replacement([1], -1))
t('permutations', lambda: list(permutations('ABC')))
t('permutations r', lambda: list(permutations(range(4), 2)))
t('permutations r0', lambda: list(permutations('abc', 0)))
t('permutations r>n', lambda: list(permutations('abc', 4)))
t('permutations empty', lambda: list(permutations('')))
t('permutations bad', lambda: permutations([1], 'a'))
t('permutations neg', lambda: permutations([1], -1))
t('permutations None', lambda: list(permutations('ab', None)))
t('permutations count', lambda: sum(1 for _ in permutations(range(6))))
t('combinations count', lambda: sum(1 for _ in combinations(range(12), 5)))
t('cwr count', lambda: sum(1 for _ in combinations_with_replacement(range(6), 4)))

# subclassing
class MyChain(chain):
    pass
t('subclass chain', lambda: (type(MyChain('ab', 'c')).__name__, list(MyChain('ab', 'c'))))
t('subclass chain fi', lambda: type(MyChain.from_iterable(['ab'])).__name__)
class MyCount(count):
    def __repr__(self): return 'mine'
t('subclass count', lambda: (repr(MyCount(3)), next(MyCount(3))))
class MyCount2(count): pass
t('subclass count repr', lambda: repr(MyCount2(3, 2)))
class MyRepeat(repeat): pass
t('subclass repeat repr', lambda: repr(MyRepeat('a', 2)))
for tp in [count, cycle, repeat, accumulate, chain, compress, dropwhile, filterfalse, groupby, islice, pairwise, starmap, takewhile, zip_longest, product, permutations, combinations, combinations_with_replacement]:
    try:
        type('X', (tp,), {})
        ok = 'ok'
    except TypeError as e:
        ok = str(e)
    print(tp.__name__, tp.__module__, ok)
for tp in [it._grouper, it._tee, it._tee_dataobject]:
    try:
        type('X', (tp,), {})
        ok = 'ok'
    except TypeError as e:
        ok = str(e)
    print(tp.__name__, ok)
print(sorted(n for n in dir(it) if not n.startswith('__')))
print(type(chain()).__name__, repr(type(chain())))
print(iter(count()) is not None, hasattr(chain, '__class_getitem__'), hasattr(product, '__class_getitem__'))
