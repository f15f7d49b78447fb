# try/except/else/finally, raise forms, chaining, exception state.
import sys

def f(kind):
    try:
        if kind == 1:
            raise ValueError("v")
        if kind == 2:
            raise KeyError("k")
        if kind == 3:
            return "returned"
    except ValueError as e:
        print("except ValueError", e)
        return "from except"
    except (KeyError, IndexError) as e:
        print("except tuple", repr(e))
    else:
        print("else")
    finally:
        print("finally", kind)
    return "end"

for k in range(4):
    print(f(k))

# finally overriding return
def override():
    try:
        return 1
    finally:
        return 2
print(override())

def finally_break():
    for i in range(3):
        try:
            if i == 1:
                raise ValueError(i)
        finally:
            if i == 1:
                break
    return i
print(finally_break())

# raise forms
try:
    raise ValueError
except ValueError as e:
    print(repr(e))
try:
    raise 1
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError from 1
except TypeError as e:
    print("TypeError:", e)

class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    print("TypeError:", e)

# chaining
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during")
except ValueError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("from") from z
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("none") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__, repr(e.__context__))

# bare raise
def reraiser():
    try:
        raise KeyError("again")
    except KeyError:
        raise
try:
    reraiser()
except KeyError as e:
    print("reraised", repr(e))

try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)

# exc_info and nesting
try:
    raise ValueError("outer")
except ValueError:
    try:
        raise KeyError("inner")
    except KeyError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())

# the name is unbound after the handler
try:
    raise ValueError
except ValueError as err:
    pass
try:
    err
except NameError as e:
    print("NameError:", e)

# catching non-exception classes
try:
    try:
        raise ValueError
    except 1:
        pass
except TypeError as e:
    print("TypeError:", e)

# exception in finally replaces the original
try:
    try:
        raise ValueError("first")
    finally:
        raise KeyError("second")
except KeyError as e:
    print(repr(e), repr(e.__context__))

# tracebacks
def a():
    b()
def b():
    raise IndexError("deep")
try:
    a()
except IndexError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)

def lineno_test():
    x = 1
    raise ValueError(x)
try:
    lineno_test()
except ValueError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_lineno - tb.tb_frame.f_code.co_firstlineno, tb.tb_lasti >= 0)

# assert
try:
    assert 1 == 2, "math"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("AssertionError:", repr(e))

# loops with exceptions
total = 0
for i in range(10):
    try:
        if i % 3 == 0:
            raise ValueError(i)
        total += i
    except ValueError:
        continue
    finally:
        total += 100
print(total)

# while/else and for/else
for i in range(3):
    pass
else:
    print("for else", i)
n = 0
while n < 3:
    n += 1
    if n == 5:
        break
else:
    print("while else", n)

# StopIteration from a for loop's iterator is not an error
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
print(list(It()), [x for x in It()])

# exceptions inside iterators propagate
class BadIt:
    def __iter__(self):
        return self
    def __next__(self):
        raise KeyError("iter")
try:
    for x in BadIt():
        pass
except KeyError as e:
    print("from iterator", repr(e))

# unpacking errors
for val in [(1, 2, 3), (1,), 5, "ab"]:
    try:
        p, q = val
        print(p, q)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    p, *q, r = (1,)
except ValueError as e:
    print("ValueError:", e)
p, *q, r = range(6)
print(p, q, r)
*q, = "xyz"
print(q)
a1, (b1, c1), *d1 = 1, (2, 3), 4, 5
print(a1, b1, c1, d1)
