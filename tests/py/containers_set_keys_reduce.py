s = {frozenset({1}), 2}
print({1} in s, {3} in s)
s.discard({1}); print(s)
try: s.remove({5})
except KeyError as e: print(repr(e))
try: [] in s
except TypeError as e: print(e)
d = {'a': 1, 'b': 2, 'c': 3}
for view in (d, d.keys(), d.values(), d.items(), reversed(d), reversed(d.items())):
    it = iter(view); next(it); print(it.__reduce__()[1:], list(it))
st = {1, 2, 3}; it = iter(st); next(it); print(it.__reduce__()[1:], len(list(it)))
it = iter(st); list(it); print(it.__reduce__()[1:])
