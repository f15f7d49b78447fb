# implicit chaining never builds a __context__ cycle
try:
    try:
        raise ValueError("a")
    except ValueError as a:
        try:
            raise TypeError("b")
        except TypeError as b:
            raise a
except ValueError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))

def f():
    try:
        raise KeyError(1)
    except KeyError as k:
        try:
            raise k
        except KeyError as k2:
            return k2.__context__
print(f())
try:
    try:
        raise ValueError(1)
    finally:
        print("finally runs")
except ValueError as v:
    print("caught", v, v.__context__)
e1 = ValueError(1)
e2 = TypeError(2)
e1.__context__ = e2
e2.__context__ = e1
try:
    try:
        raise e1
    except ValueError:
        raise RuntimeError("x")
except RuntimeError as r:
    print(repr(r.__context__), repr(r.__context__.__context__))
