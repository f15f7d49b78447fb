# BaseException attributes: args, __traceback__, __context__, __cause__,
# __suppress_context__, with_traceback, __reduce__, __setstate__, __dict__
e = ValueError(1, 2)
print(e.args, e.__traceback__, e.__context__, e.__cause__, e.__suppress_context__)
e.args = [3, 4]
print(e.args, type(e.args))
e.args = "ab"
print(e.args)
for bad in [lambda: setattr(e, "__traceback__", 1),
            lambda: setattr(e, "__context__", 1),
            lambda: setattr(e, "__cause__", "x"),
            lambda: delattr(e, "args"),
            lambda: delattr(e, "__traceback__"),
            lambda: e.with_traceback(5)]:
    try:
        bad()
    except TypeError as t:
        print("TypeError:", t)
c = KeyError("k")
e.__cause__ = c
print(e.__cause__ is c, e.__suppress_context__)
e.__suppress_context__ = False
print(e.__suppress_context__)
e.__context__ = c
print(e.__context__ is c)
e.__cause__ = None
print(e.__cause__)
print(ValueError(1).__reduce__())
x = ValueError("a")
x.foo = 5
print(x.__reduce__()[0], x.__reduce__()[1], x.__reduce__()[2])
y = ValueError()
y.__setstate__({"bar": 1})
print(y.bar, y.__dict__)
y.__setstate__(None)
try:
    y.__setstate__(5)
except TypeError as t:
    print("TypeError:", t)
try:
    raise ValueError("x")
except ValueError as err:
    tb = err.__traceback__
    print(type(tb).__name__, tb.tb_lineno)
    z = RuntimeError().with_traceback(tb)
    print(z.__traceback__ is tb)
    z = RuntimeError().with_traceback(None)
    print(z.__traceback__)
