print(repr(str()), repr(str("abc")), repr(str(42)), repr(str(3.5)), repr(str(None)), repr(str([1, "a"])), repr(str(b"ab")))
print(repr(str(b"caf\xc3\xa9", "utf-8")), repr(str(b"caf\xe9", "latin-1")), repr(str(b"\xff", "utf-8", "replace")),
      repr(str(b"abc", encoding="ascii")), repr(str(object=b"x", errors="strict")), repr(str(bytearray(b"ba"), "ascii")))
print(repr(str(memoryview(b"mv"), "utf-8")), repr(str(b"", "utf-8")), repr(str(errors="strict")))
class A:
    def __str__(self): return "A!"
class B:
    def __repr__(self): return "B?"
print(str(A()), str(B()), repr(B()))
class Bad:
    def __str__(self): return 1
for bad in [lambda: str(1, "utf-8"), lambda: str(b"a", 1), lambda: str("a", "utf-8"), lambda: str(b"\xff", "ascii"),
            lambda: str(Bad()), lambda: str(b"a", "nope"), lambda: str(1, 2, 3, 4), lambda: str(x=1)]:
    try:
        print(repr(bad()))
    except Exception as e:
        print(type(e).__name__, e)
class S(str):
    def extra(self): return "extra:" + self
s = S("abc")
print(type(s).__name__, s, s.extra(), s.upper(), type(s.upper()).__name__, type(s + "x").__name__, type(s[0:2]).__name__,
      isinstance(s, str), len(s), s == "abc", repr(s), type(str(s)).__name__, type(s.strip()).__name__)
class S2(str):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
print(S2("ab"), type(S2("ab")).__name__, S2("é"), len(S2("😀")))
print(str.__name__, str.__doc__.splitlines()[0], type("").__name__, "".__class__ is str)
