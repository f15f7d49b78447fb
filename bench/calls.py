# Call-heavy code: positional, keyword and default arguments, *args and
# **kwargs, methods, closures, class methods and recursion.


def f0():
    return 1


def f2(a, b):
    return a + b


def fdef(a, b=2, c=3):
    return a + b + c


def fkw(*, x, y=1):
    return x * y


def fstar(*args, **kwargs):
    return len(args) + len(kwargs)


class C:
    def __init__(self, v):
        self.v = v

    def method(self, d):
        return self.v + d

    @classmethod
    def cm(cls, x):
        return x

    @staticmethod
    def sm(x):
        return x + 1


def make_adder(n):
    def add(x):
        return x + n
    return add


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def run(n):
    total = 0
    c = C(3)
    add5 = make_adder(5)
    for i in range(n):
        total += f0() + f2(i, 1) + fdef(i) + fdef(i, c=1) + fkw(x=i)
        total += fstar(1, 2, a=3) + c.method(i) + C.cm(i) + c.sm(i) + add5(i)
    return total


print(run(400000), fib(25))
