del a
del a, b
del (a, b), [c]
del a.b, a[1:2]
