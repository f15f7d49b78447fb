# A short tour: classes, generators, comprehensions, f-strings, big ints.
class Greeter:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Greeter({self.name!r})"

    def greet(self):
        return f"Hello from {self.name}!"


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


g = Greeter("Krait")
print(g, g.greet())
print([x for _, x in zip(range(12), fib())])
print({n: n * n for n in range(5)})
print(2 ** 100, 1 / 3, round(2.675, 2))
try:
    {}["missing"]
except KeyError as e:
    print("caught", repr(e))
