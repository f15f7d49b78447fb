# with statements: __enter__/__exit__ protocol, suppression, errors.

class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val, tb is not None)
        return self.suppress

with CM("a") as x:
    print("body", x)

with CM("b", suppress=True):
    raise ValueError("hidden")
print("after suppressed")

try:
    with CM("c"):
        raise KeyError("shown")
except KeyError as e:
    print("propagated", repr(e))

with CM("d") as d, CM("e") as e:
    print("two", d, e)

def ret():
    with CM("f"):
        return "returned"
print(ret())

for i in range(3):
    with CM(str(i)):
        if i == 0:
            continue
        if i == 1:
            break
print("loop done", i)

class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except TypeError as e:
    print("TypeError:", e)

class NoEnter:
    def __exit__(self, *a):
        pass
try:
    with NoEnter():
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    with 5:
        pass
except TypeError as e:
    print("TypeError:", e)

class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("in exit")
try:
    with ExitRaises():
        raise ValueError("body")
except RuntimeError as e:
    print(repr(e), repr(e.__context__))

class EnterRaises:
    def __enter__(self):
        raise OSError("no enter")
    def __exit__(self, *a):
        print("never")
try:
    with EnterRaises():
        print("never")
except OSError as e:
    print(repr(e))

# exit sees the exception object with its traceback
class Inspect:
    def __enter__(self):
        return self
    def __exit__(self, typ, val, tb):
        print(typ is type(val), tb is val.__traceback__)
        return True
with Inspect():
    raise IndexError

# a generator-based manager, as contextlib builds them
class GenCM:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, typ, val, tb):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(typ, val, tb)
        except StopIteration as exc:
            return exc is not val
        except BaseException as exc:
            if exc is not val:
                raise
            return False
        raise RuntimeError("generator didn't stop after throw()")

def contextmanager(func):
    def helper(*args):
        return GenCM(func(*args))
    return helper

@contextmanager
def managed(tag):
    print("setup", tag)
    try:
        yield tag * 2
    except ZeroDivisionError:
        print("handled in generator")
    finally:
        print("teardown", tag)

with managed("x") as v:
    print("using", v)
with managed("y"):
    1 / 0
try:
    with managed("z"):
        raise KeyError("through")
except KeyError as e:
    print("propagated", repr(e))
print("end")
