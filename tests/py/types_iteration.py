class Count:
    def __init__(self, n): self.n = n; self.i = 0
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Count(3)), sum(Count(4)), 2 in Count(3), 5 in Count(3))

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), list(iter(Seq())), list(reversed([1, 2])))

class NotIter:
    __iter__ = None
try:
    iter(NotIter())
except TypeError as e:
    print("TypeError:", e)
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
for v in [1, None, object()]:
    try:
        iter(v)
    except TypeError as e:
        print("TypeError:", e)
    try:
        1 in v
    except TypeError as e:
        print("TypeError:", e)
class NoContainer:
    __contains__ = None
    def __iter__(self): return iter([1])
try:
    1 in NoContainer()
except TypeError as e:
    print("TypeError:", e)
class Contains:
    def __contains__(self, x): return x == 3
print(3 in Contains(), 4 in Contains(), 3 not in Contains())
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
try:
    next(5)
except TypeError as e:
    print("TypeError:", e)
class LenHint:
    def __iter__(self): return iter([1, 2, 3])
    def __length_hint__(self): return 3
print(list(LenHint()))
def gen():
    yield 1
    return 5
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value", e.value)
print(type(iter(Seq())).__name__)
