import calls as c


def show(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


show("noargs", c.noargs)
show("noargs+1", lambda: c.noargs(1))
show("noargs kw", lambda: c.noargs(x=1))
show("one", lambda: c.one(5))
show("one none", lambda: c.one())
show("one two", lambda: c.one(1, 2))
show("one kw", lambda: c.one(x=1))
show("varargs", lambda: c.varargs(1, 2))
show("varargs kw", lambda: c.varargs(a=1))
show("varkw", lambda: c.varkw(1, a=2))
show("varkw none", lambda: c.varkw())
show("fast", lambda: c.fast(1, 2, 3))
show("fast kw", lambda: c.fast(a=1))
show("fastkw", lambda: c.fastkw(1, b=2, a=3))
show("dynamic", lambda: c.dynamic("x"))
print(c.dynamic.__name__, c.dynamic.__module__, c.dynamic.__doc__, c.noargs.__self__ is c)
t = c.Thing()
show("cm", c.Thing.cm)
show("cm inst", t.cm)
show("sm", lambda: c.Thing.sm(1))
show("contains", lambda: 1 in t)
show("meth", t.meth)
print(c.Thing.meth.__doc__, c.Thing.meth.__text_signature__, repr(c.Thing.meth)[:30])
print(repr(c.noargs), type(c.Thing.__dict__["cm"]).__name__, type(c.Thing.__dict__["sm"]).__name__)
show("bound", lambda: c.Thing.meth(t))
show("unbound bad", lambda: c.Thing.meth(1))
