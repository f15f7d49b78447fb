# itertools objects in reference cycles are collected (tp_traverse), and
# long tee buffers and deep chains are freed without trouble
import gc, weakref
from itertools import *

class Holder:
    pass

def cycle_through(make):
    h = Holder()
    h.it = make(h)
    r = weakref.ref(h)
    del h
    gc.collect()
    return r() is None

makers = {
    'count': lambda h: (count(), h),
    'cycle': lambda h: cycle([h]),
    'repeat': lambda h: repeat(h),
    'accumulate': lambda h: accumulate([h]),
    'chain': lambda h: chain([h]),
    'compress': lambda h: compress([h], [1]),
    'dropwhile': lambda h: dropwhile(lambda x: h, [1]),
    'takewhile': lambda h: takewhile(lambda x: h, [1]),
    'filterfalse': lambda h: filterfalse(lambda x: h, [1]),
    'starmap': lambda h: starmap(lambda x: h, [(1,)]),
    'islice': lambda h: islice([h], 1),
    'pairwise': lambda h: pairwise([h, h]),
    'zip_longest': lambda h: zip_longest([1], fillvalue=h),
    'groupby': lambda h: groupby([h], lambda x: h),
    'tee': lambda h: tee([h])[0],
    'product': lambda h: product([h]),
    'permutations': lambda h: permutations([h]),
    'combinations': lambda h: combinations([h], 1),
    'cwr': lambda h: combinations_with_replacement([h], 1),
}
for name, make in makers.items():
    print(name, cycle_through(make))

# started iterators holding their own results
h = Holder()
h.g = groupby([h, h])
k, grp = next(h.g)
h.grp = grp
r = weakref.ref(h)
del h, k, grp
gc.collect()
print('groupby grouper', r() is None)

h = Holder()
a, b = tee(iter([h] * 200))
for _ in range(150):
    next(a)
h.a = a
r = weakref.ref(h)
del h, a, b
gc.collect()
print('tee buffer', r() is None)

# a long tee buffer behind a lagging copy, then dropped
a, b = tee(range(200000))
for _ in range(199999):
    next(a)
print('tee lag', next(a), next(b))
del a, b

# deeply nested chains
c = []
for i in range(10000):
    c = chain(c, [i])
print('deep chain', sum(c))
