# Everyday builtins and their results.
print(abs(-3), abs(2.5), abs(-0.0), abs(3 + 4j))
print(all([]), all([1, 0]), any([]), any([0, 2]), all(x > 0 for x in range(1, 5)))
print(ascii("héllo\n"), repr("x'y"), ascii(b"\xff"))
print(bin(10), bin(-10), oct(64), hex(255), hex(-1), bin(0))
print(callable(len), callable(1), callable(object), callable(lambda: 0))
print(chr(65), chr(0x1F600) == "\U0001F600", ord("a"), ord("\u20ac"), ord(b"z"))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(format(3.14159, ".2f"), format(42, "08b"), format("x", "^5"), format(1234567, ","))
print(hash(1) == hash(1.0), hash("a") == hash("a"), hash(-1), hash(0))
print(isinstance(1, int), isinstance(True, int), isinstance("s", (int, str)), issubclass(bool, int))
print(len("abc"), len([1, 2]), len({}), len(range(10)))
print(max(3, 1, 2), min([4, 2, 8]), max("abc"), min([], default=None), max([1, 5], key=lambda x: -x))
print(pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(2.0, 0.5))
print(round(2.5), round(3.5), round(2.675, 2), round(-0.5), round(1234, -2), round(1.5, None))
print(sorted([3, 1, 2]), sorted("bca", reverse=True), sorted([(1, "b"), (1, "a")], key=lambda t: t[1]))
print(sum([1, 2, 3]), sum([0.1] * 10), sum([[1], [2]], []), sum(range(100), 10), sum([1, 2.5, 3]))
print(list(zip("ab", [1, 2, 3])), list(map(str, [1, 2])), list(filter(None, [0, 1, 2, ""])))
print(list(enumerate("ab", 5)), list(reversed([1, 2, 3])), list(range(2, 10, 3)))
print(next(iter([7])), next(iter([]), "default"))
print(getattr(1, "real"), getattr(1, "nope", "dflt"), hasattr("", "upper"), hasattr(1, "x"))


class A:
    pass


a = A()
setattr(a, "x", 5)
print(a.x, vars(a), hasattr(a, "x"))
delattr(a, "x")
print(hasattr(a, "x"), vars(a))
print(type(1), type("s"), type(None), type(type))
print(repr(None), repr(...), repr(NotImplemented), str(True))
print(id(a) == id(a), isinstance(id(a), int))
print(dir(A) == sorted(dir(A)), "__init__" in dir(A))
print(eval("1 + 2"), eval("x * 2", {"x": 21}), eval("  3"))
g = {}
exec("y = 5\ndef f(): return y + 1", g)
print(g["y"], g["f"]())
code = compile("a + 1", "<test>", "eval")
print(eval(code, {"a": 1}), code.co_filename)
print(iter([1]).__class__.__name__, type(iter(range(3))).__name__)
print(list(iter(iter([1, 2, 3]).__next__, 3)))
