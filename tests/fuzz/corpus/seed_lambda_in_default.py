def f(a=lambda x=1: x, *, b=lambda: (yield)): pass
