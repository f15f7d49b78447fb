# explicit chaining with from, and from None
def a():
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e

try:
    a()
except RuntimeError as r:
    print(repr(r.__cause__), r.__suppress_context__)

def b():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("suppressed") from None

try:
    b()
except ValueError as v:
    print(v.__cause__, repr(v.__context__), v.__suppress_context__)

def c():
    try:
        a()
    except RuntimeError as e:
        raise TypeError("third") from e
c()
