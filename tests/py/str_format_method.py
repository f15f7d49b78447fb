print("{} {} {}".format(1, "a", [2]), "{0} {1} {0}".format("x", "y"), "{a}-{b}".format(a=1, b=2))
print("{0!r} {0!s} {0!a}".format("é"), "{!r:>10}".format("x"), "{:*^9}".format("mid"))
print("{0.real} {0.imag}".format(3 + 4j), "{0[1]} {0[0]}".format(["a", "b"]), "{d[k]} {d[1]}".format(d={"k": "v", 1: "one"}))
print("{0[-1]}".format({"-1": "str key"}), "{x.__class__.__name__}".format(x=1))
print("{{}} {{{}}} }}{{".format(5), "{:{}}|".format("a", 5), "{:{}{}}|".format(3.14159, ".", "2f"), "{0:{1}}".format(1, "<4"))
print("{:>{w}.{p}f}".format(3.14159, w=10, p=3), "{:,}".format(1234567), "{:_x}".format(255 ** 3), "{:08.3f}".format(-1.5))
print("{:s}|{:10}|{:<10}|{:>10}|{:^10}|{:.2}|{:x<4.1}".format("abc", "abc", "abc", "abc", "abc", "abc", "abc"))
print("{:d} {:5d} {:<5d} {:+d} {:x} {:#b} {:o} {:c} {:n} {:%} {:e} {:g}".format(1, 2, 3, 4, 255, 5, 8, 65, 1000, 0.25, 1.5, 2.5))
print("{0}{0}{0}".format("ab"), "{0:}|{1!s:}".format(1, 2), "{}".format(None), "{!r}".format(None))
print("{:€^7}".format("x"), "{:😀>4}".format("é"), "{0:\u3000<3}|".format("a"))
class F:
    def __format__(self, spec): return "F(" + spec + ")"
print("{}|{:abc}|{:{}}".format(F(), F(), F(), "nested"))
print("{0[a]}".format({"a": 1}), "{0[0][1]}".format([[1, 2]]), "{0.x.y}".format(type("T", (), {"x": type("U", (), {"y": 9})})))
print("x{}y".format(""), "".format(), "plain".format(1, 2, k=3))
tests = [("{0}{}", (1, 2), {}), ("{}{0}", (1, 2), {}), ("{", (), {}), ("}", (), {}), ("{0!x}", (1,), {}),
         ("{0:d}", ("a",), {}), ("{a}", (), {}), ("{1}", (0,), {}), ("{0.x}", (1,), {}), ("{0[}", (1,), {}),
         ("{0!}", (1,), {}), ("{!r:}", (), {}), ("{:{}}", (1,), {}), ("{0:{1:{2}}}", (1, 2, 3), {}),
         ("{0[0]x}", ([1],), {}), ("{0.}", (1,), {}), ("{0[]}", (1,), {}), ("{x!}", (), {"x": 1}),
         ("{0!rr}", (1,), {}), ("{:=10}", ("a",), {}), ("{:+}", ("a",), {}), ("{:,}", ("a",), {}),
         ("{:.2d}", ("a",), {}), ("{a{b}", (), {}), ("{0:}}", (1,), {}), ("{}", (), {}), ("{0[2]}", ("ab",), {}),
         ("{:z}", ("a",), {}), ("{:#}", ("a",), {}), ("{:05}", ("a",), {}), ("{:x}", ("a",), {}), ("{!\x00}", (1,), {})]
for fmt, a, k in tests:
    try:
        print(repr(fmt.format(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
class D(dict):
    def __missing__(self, key): return "<" + key + ">"
print("{a} {b}".format_map(D(a=1)), "{x}".format_map({"x": "y"}), "abc".format_map(1))
for bad in [lambda: "{}".format_map({}), lambda: "{0}".format_map({}), lambda: "{a}".format_map({}), lambda: "x".format_map()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
