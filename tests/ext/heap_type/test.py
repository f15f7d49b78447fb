import counter
C = counter.Counter
c = C(5)
print(c, c.value, c.inc(), c.inc(10), counter.created(), C.__doc__, C.__module__, C.__name__)
d = C()
print(counter.created(), d.inc(), type(C).__name__, C.inc.__doc__)


class Sub(C):
    pass


s = Sub(1)
print(s, s.inc(2), counter.created(), isinstance(s, C))
try:
    C("x")
except TypeError as e:
    print("TypeError", e)
