# BaseExceptionGroup / ExceptionGroup construction rules and methods
eg = ExceptionGroup("msg", [ValueError(1), TypeError(2)])
print(type(eg).__name__, eg.message, eg.exceptions, str(eg), repr(eg), eg.args)
beg = BaseExceptionGroup("b", [ValueError(1)])
print(type(beg).__name__)
beg = BaseExceptionGroup("b", [KeyboardInterrupt()])
print(type(beg).__name__, str(beg))
for bad in [lambda: ExceptionGroup("x", [KeyboardInterrupt()]),
            lambda: ExceptionGroup(1, [ValueError()]),
            lambda: ExceptionGroup("x", 1),
            lambda: ExceptionGroup("x", []),
            lambda: ExceptionGroup("x", [1]),
            lambda: ExceptionGroup("x"),
            lambda: ExceptionGroup("x", [ValueError()], 3)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class MyEG(ExceptionGroup):
    pass
m = MyEG("m", (ValueError(1),))
print(type(m).__name__, repr(m), type(m.derive([TypeError()])).__name__)
class MyBEG(BaseExceptionGroup):
    pass
print(type(MyBEG("x", [ValueError()])).__name__)
nested = ExceptionGroup("outer", [ValueError(1), TypeError(2),
                                  ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
nested.__notes__ = ["n1"]
match, rest = nested.split(ValueError)
print(repr(match), repr(rest), match.__notes__)
print(repr(nested.subgroup(lambda e: isinstance(e, KeyError))))
print(nested.subgroup(OSError), nested.split(OSError)[0], nested.split(OSError)[1] is nested)
print(nested.split(Exception)[0] is nested, nested.split(Exception)[1])
print(repr(nested.split((KeyError, TypeError))[0]))
try:
    nested.split(1)
except TypeError as e:
    print(e)
print(str(ExceptionGroup("one", [ValueError()])))
part = nested.split(ValueError)[0]
print(part.__suppress_context__, nested.__suppress_context__, part.__cause__, part.__traceback__)
