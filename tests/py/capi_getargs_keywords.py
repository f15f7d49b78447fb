# Builtins whose C code parses with PyArg_ParseTupleAndKeywords: keyword
# and positional arguments, keyword-only parameters, and the errors of
# missing, repeated, unknown and badly typed arguments.
import collections
import datetime
import io
import itertools
import functools


def show(label, f):
    try:
        r = f()
    except Exception as e:
        r = f"!! {type(e).__name__}: {e}"
    print(label, r)


show("deque maxlen kw", lambda: collections.deque([1, 2, 3], maxlen=2))
show("deque both kw", lambda: collections.deque(maxlen=1, iterable="ab"))
show("deque unknown kw", lambda: collections.deque([], size=2))
show("deque too many", lambda: collections.deque([], 1, 2))
show("deque dup", lambda: collections.deque([], iterable=[1]))
show("repeat times kw", lambda: list(itertools.repeat("x", times=3)))
show("repeat bad times", lambda: itertools.repeat("x", times="3"))
show("repeat missing", lambda: itertools.repeat())
show("repeat object kw", lambda: list(itertools.repeat(object=1, times=2)))
show("accumulate initial", lambda: list(itertools.accumulate([1, 2], initial=10)))
show("accumulate func kw", lambda: list(itertools.accumulate([1, 2, 3], func=max)))
show("accumulate initial pos", lambda: itertools.accumulate([1], None, 5))
show("count kw", lambda: next(itertools.count(step=2, start=5)))
show("count bad kw", lambda: itertools.count(begin=1))
show("compress kw", lambda: list(itertools.compress(data="abc", selectors=[1, 0, 1])))
show("compress missing", lambda: itertools.compress(data="abc"))
show("permutations r kw", lambda: list(itertools.permutations("ab", r=1)))
show("groupby key kw", lambda: [k for k, g in itertools.groupby("aab", key=str.upper)])
show("product repeat", lambda: len(list(itertools.product("ab", repeat=2))))
show("product bad kw", lambda: itertools.product("ab", times=2))
show("StringIO newline kw", lambda: io.StringIO("a\nb", newline=None).read())
show("StringIO bad kw", lambda: io.StringIO(text="a"))
show("BytesIO kw", lambda: io.BytesIO(initial_bytes=b"xy").read())
show("date kw", lambda: datetime.date(year=2020, month=2, day=3))
show("date missing", lambda: datetime.date(2020, 2))
show("date bad type", lambda: datetime.date(2020, "2", 3))
show("date dup", lambda: datetime.date(2020, 2, 3, year=1))
show("date unknown", lambda: datetime.date(2020, 2, 3, hour=1))
show("time fold", lambda: datetime.time(1, 2, fold=1).fold)
show("time fold pos", lambda: datetime.time(1, 2, 3, 4, None, 1))
show("datetime kw", lambda: datetime.datetime(2020, 1, 2, minute=5))
show("timedelta kw", lambda: datetime.timedelta(hours=1, minutes=2))
show("timedelta bad kw", lambda: datetime.timedelta(hour=1))
show("timezone kw", lambda: datetime.timezone(offset=datetime.timedelta(hours=1), name="X"))
show("lru_cache typed kw", lambda: functools.lru_cache(maxsize=3, typed=True)(len)("ab"))
show("cmp_to_key kw", lambda: functools.cmp_to_key(mycmp=lambda a, b: a - b)(3).obj)
show("cmp_to_key bad", lambda: functools.cmp_to_key(cmp=None))


# Destroying tuples: items go from the last to the first, an item shared
# with the outside survives, an object held twice dies once.
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


print("order")
t = (Noisy("a"), Noisy("b"), Noisy("c"))
del t
print("shared")
keep = Noisy("kept")
t = (Noisy("x"), keep, Noisy("y"))
del t
print("kept alive:", keep.name)
print("twice")
n = Noisy("twice")
t = (n, 1, n)
del n
del t
print("inner holds outer's item")
a = Noisy("held")
b = [a]
t = (a, b, Noisy("last"))
del a, b
del t
deep = ()
for i in range(100000):
    deep = (deep, i)
del deep
print("deep done")
