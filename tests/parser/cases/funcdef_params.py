def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int: pass
def g(*, a): pass
def h(a, /): pass
def i(a: int = 1, *b: str, c: 'x' = 2, **d: float): pass
def j(*a: *Ts): pass
