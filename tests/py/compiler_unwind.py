# break/continue/return unwinding through with, try/finally, except
# handlers (with and without names) and loops; except* groups;
# or-patterns binding names in different orders.

class CM:
    def __init__(self, log, name):
        self.log = log
        self.name = name
    def __enter__(self):
        self.log.append("enter " + self.name)
        return self
    def __exit__(self, t, v, tb):
        self.log.append("exit " + self.name + (" " + t.__name__ if t else ""))
        return False

def unwind():
    log = []
    for i in range(4):
        with CM(log, "w%d" % i):
            try:
                try:
                    if i == 0:
                        continue
                    if i == 1:
                        raise KeyError(i)
                    if i == 3:
                        return log, "returned", i
                    log.append("body %d" % i)
                except KeyError as e:
                    log.append("handler %r" % (e,))
                    continue
                finally:
                    log.append("inner finally %d" % i)
            finally:
                log.append("outer finally %d" % i)
    return log, "end"

for line in unwind()[0]:
    print(line)
print(unwind()[1:])

def break_in_handler():
    out = []
    while True:
        try:
            raise ValueError("v")
        except ValueError as err:
            out.append(str(err))
            break
    try:
        err
    except NameError:
        out.append("err deleted")
    return out

print(break_in_handler())

def return_in_handler():
    try:
        1 / 0
    except ZeroDivisionError:
        return "from handler"
    finally:
        print("finally after handler return")

print(return_in_handler())

def continue_in_finally():
    out = []
    for i in range(3):
        try:
            out.append(i)
        finally:
            if i == 1:
                continue
            out.append(-i)
    return out

print(continue_in_finally())

def return_value_through_finally():
    def val():
        print("computing value")
        return 42
    try:
        return val()
    finally:
        print("finally sees pending return")

print(return_value_through_finally())

def exception_in_finally_replaces():
    try:
        try:
            raise KeyError("first")
        finally:
            raise ValueError("second")
    except ValueError as e:
        return repr(e), repr(e.__context__)

print(exception_in_finally_replaces())

def groups():
    results = []
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as eg:
        results.append(("V", [repr(x) for x in eg.exceptions]))
    except* (TypeError, KeyError) as eg:
        results.append(("TK", sorted(repr(x) for x in eg.exceptions)))
    return results

print(groups())

def groups_partial():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1), OSError(2)])
        except* ValueError:
            print("handled ValueError part")
    except ExceptionGroup as rest:
        print("rest:", [repr(x) for x in rest.exceptions])

groups_partial()

def naked_in_group():
    try:
        raise KeyError("naked")
    except* KeyError as eg:
        print(type(eg).__name__, [repr(x) for x in eg.exceptions])

naked_in_group()

def raise_in_star_handler():
    try:
        try:
            raise ExceptionGroup("eg", [ValueError(1)])
        except* ValueError:
            raise RuntimeError("from handler")
    except Exception as e:
        print(type(e).__name__, [type(x).__name__ for x in getattr(e, "exceptions", [])])

raise_in_star_handler()

def or_orders(v):
    match v:
        case (a, b, 1) | (b, a, 2) | [1, *_, a, b]:
            return a, b
        case {"x": x, "y": y} | {"y": y, "z": x}:
            return x, y
    return None

print(or_orders((1, 2, 1)), or_orders((1, 2, 2)), or_orders([1, 0, 8, 9]))
print(or_orders({"x": 1, "y": 2}), or_orders({"y": 3, "z": 4}), or_orders(5))

def guard_fallthrough(v):
    match v:
        case [x, y] if x > y:
            return "desc", x, y
        case [x, y]:
            return "other", x, y
        case x if x:
            return "truthy", x

print(guard_fallthrough([2, 1]), guard_fallthrough([1, 2]), guard_fallthrough("s"), guard_fallthrough(0))

def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")

for v in gen_finally():
    print("got", v)
    break
print("after loop")

def deep_with():
    log = []
    with CM(log, "a"), CM(log, "b"), CM(log, "c"):
        log.append("inside")
    return log

print(deep_with())
