l = [1, 2, 3]
it = iter(l)
print(type(it).__name__, next(it))
l.append(4)
print(list(it))
it2 = iter(l)
print(it2.__reduce__()[1:], next(it2), it2.__reduce__()[1:])
it2.__setstate__(3)
print(list(it2), it2.__reduce__()[1:])
r = reversed(l)
print(r.__reduce__()[1:], next(r))
r.__setstate__(1)
print(list(r), r.__reduce__()[1:])
it3 = iter([1, 2])
it3.__setstate__(-5)
print(list(it3))
it4 = iter([1, 2])
it4.__setstate__(99)
print(list(it4))
# mutation during iteration
m = [1, 2, 3]
out = []
for x in m:
    out.append(x)
    if x == 1:
        m.remove(1)
print(out, m)
m = [0]
for x in m:
    if x < 5:
        m.append(x + 1)
print(m)
print(list(enumerate(["a", "b"])), list(zip([1, 2], "ab")))
