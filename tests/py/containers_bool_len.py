for obj in [(), (0,), [], [None], {}, {0: 0}, set(), {0}, frozenset(), frozenset([0]), range(0), range(1), "", "a"]:
    print(repr(obj), bool(obj), len(obj))
print(len(range(0, 100, 7)), len(range(100, 0, -7)), len(range(5, 5)), len(range(10**5)))
print(len({}.keys()), len({1: 1}.items()), len(enumerate.__doc__) > 0)
try:
    len(iter([]))
except TypeError as e:
    print("TypeError:", e)
try:
    len(zip())
except TypeError as e:
    print("TypeError:", e)
