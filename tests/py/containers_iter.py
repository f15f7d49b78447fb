def show(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ":", e)
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
it = iter(Seq())
print(type(it).__name__, list(it), list(it))
print(list(Seq()), 9 in Seq(), 5 in Seq(), tuple(Seq()))
class Stop:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
print(list(Stop()))
class Len(Seq):
    def __len__(self):
        return 4
i2 = iter(Len())
print(i2.__length_hint__(), next(i2), i2.__length_hint__(), i2.__reduce__()[2])
i2.__setstate__(3)
print(list(i2))
print(iter(Seq()).__length_hint__())
n = [0]
def counter():
    n[0] += 1
    return n[0]
ci = iter(counter, 4)
print(type(ci).__name__, list(ci), list(ci))
def stopper():
    raise StopIteration
print(list(iter(stopper, None)))
show(lambda: iter(1))
show(lambda: iter(1, 2))
show(lambda: next(iter([])))
class Bad:
    def __getitem__(self, i):
        raise ValueError("bad")
show(lambda: list(Bad()))
x = iter([1, 2, 3])
print(next(x), list(x), next(x, "done"))
a, b, c = iter("xyz")
print(a, b, c)
def unpack(v):
    p, q = v
    return p, q
show(lambda: unpack([1, 2, 3]))
show(lambda: unpack([1]))
show(lambda: unpack(5))
def unpack_star(v):
    p, *q, r = v
    return p, q, r
print(unpack_star(range(5)), unpack_star("ab"))
show(lambda: unpack_star([1]))
