# except* and exception groups.

def run(excs):
    try:
        raise ExceptionGroup("eg", excs)
    except* ValueError as e:
        print("ValueError group:", [repr(x) for x in e.exceptions])
    except* KeyError as e:
        print("KeyError group:", [repr(x) for x in e.exceptions])

run([ValueError(1), KeyError(2), ValueError(3)])
run([KeyError("only")])
try:
    run([TypeError("left")])
except ExceptionGroup as eg:
    print("rest:", eg.message, [repr(x) for x in eg.exceptions])

# a naked exception is wrapped for the handler
try:
    raise ValueError("naked")
except* ValueError as e:
    print(type(e).__name__, e.message, [repr(x) for x in e.exceptions])

# raising inside except* adds to the group
try:
    try:
        raise ExceptionGroup("outer", [ValueError("a"), KeyError("b")])
    except* ValueError:
        raise RuntimeError("new")
except ExceptionGroup as eg:
    print(eg.message, sorted(type(x).__name__ for x in eg.exceptions))

# bare raise in except* reraises the matched part
try:
    try:
        raise ExceptionGroup("g", [ValueError("a"), KeyError("b")])
    except* ValueError:
        raise
except ExceptionGroup as eg:
    print("reraised:", eg.message, sorted(repr(x) for x in eg.exceptions))

# nested groups keep their structure
try:
    raise ExceptionGroup("top", [ValueError(1), ExceptionGroup("sub", [ValueError(2), TypeError(3)])])
except* ValueError as e:
    print("matched:", repr(e))
except* TypeError as e:
    print("types:", repr(e))

# catching ExceptionGroup with except* is an error
try:
    try:
        raise ValueError
    except* ExceptionGroup:
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    try:
        raise ValueError
    except* 5:
        pass
except TypeError as e:
    print("TypeError:", e)

# BaseExceptionGroup with non-Exception members
try:
    raise BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError()])
except* KeyboardInterrupt as e:
    print(type(e).__name__, repr(e.exceptions))
except* ValueError as e:
    print(type(e).__name__, repr(e.exceptions))

# else/finally with except*
try:
    pass
except* ValueError:
    print("no")
else:
    print("else ran")
finally:
    print("finally ran")
# what comes out when except* handlers raise
for orig in [ValueError(1), ExceptionGroup("eg", [ValueError(1), KeyError(2)])]:
    try:
        try:
            raise orig
        except* ValueError:
            raise RuntimeError("x")
        except* KeyError:
            raise
    except BaseException as e:
        print(repr(e))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        raise RuntimeError("x")
    except* KeyError:
        raise RuntimeError("y")
except BaseException as e:
    print(repr(e))
try:
    raise ValueError(1)
except* ValueError as e:
    print(repr(e))
