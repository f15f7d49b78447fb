f()
f(a, b)
f(a, *b, c=1, **d)
f(x for x in y)
f(a=1)(b)[c].d
f(*a, b)
f(a)(b)(c)
f(**a, b=1)
f(a, *b, *c, d=1, **e, f=2)
