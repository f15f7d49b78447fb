# nested groups, chained groups, and except* leftovers
def raiser(exc):
    raise exc

try:
    try:
        raise ExceptionGroup("inner", [OSError(1, "x"), KeyError("k")])
    except* OSError as e:
        print("handled", repr(e))
except ExceptionGroup as rest:
    print("rest", repr(rest))

try:
    raiser(ExceptionGroup("top", [ValueError(1), ExceptionGroup("mid", [TypeError(2), ExceptionGroup("low", [KeyError(3)])])]))
except* TypeError:
    print("got TypeError")
