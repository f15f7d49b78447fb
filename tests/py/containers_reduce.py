def red(o):
    r = o.__reduce__()
    return (getattr(r[0], "__name__", r[0]),) + tuple(r[1:])
print(red(iter([1, 2])), red(iter((1, 2))), red(iter(range(3))), red(reversed([1, 2])))
i = iter([1, 2]); next(i); next(i)
try:
    next(i)
except StopIteration:
    pass
print(red(i))
t = iter((1,)); next(t)
try:
    next(t)
except StopIteration:
    pass
print(red(t))
print(red(iter({1: 2})), red(iter({1: 2}.values())), red(iter({1: 2}.items())), red(iter({5})))
print(red(enumerate("ab", 3))[2:], red(enumerate("ab", 3))[1][1], red(zip("a", "b"))[0], red(map(str, [1]))[0], red(filter(None, [1]))[0])
print(red(slice(1, 2)), red(range(1, 5, 2)), red({1, 2}), red(frozenset({3})))
f = lambda: 1
print(red(iter(f, 1))[1][0] is f, red(iter(f, 1))[1][1])
