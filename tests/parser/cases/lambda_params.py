f = lambda: 0
f = lambda a, b=1, /, c=2, *d, e, f=3, **g: a
f = lambda *, a: a
f = lambda *a, **k: (a, k)
