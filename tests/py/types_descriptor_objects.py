class S:
    __slots__ = ("a", "b")
    @property
    def p(self): return 1
m = S.__dict__["a"]
print(m, type(m).__name__, m.__name__, m.__qualname__, m.__objclass__, m.__doc__)
s = S()
m.__set__(s, 10)
print(m.__get__(s, S), m.__get__(None, S) is m, s.a)
try:
    m.__get__(1, int)
except TypeError as e:
    print("TypeError:", e)
try:
    m.__set__(1, 2)
except TypeError as e:
    print("TypeError:", e)
m.__delete__(s)
try:
    s.a
except AttributeError as e:
    print("AttributeError:", e)

g = type.__dict__["__name__"]
print(g, type(g).__name__, g.__name__, g.__qualname__, g.__objclass__)
print(g.__get__(int), g.__get__(None, type) is g)
try:
    g.__set__(int, "x")
except TypeError as e:
    print("TypeError:", e)
f = type(lambda: 0).__dict__["__code__"]
print(type(f).__name__)
md = list.__dict__["append"]
print(md, type(md).__name__, md.__name__, md.__qualname__, md.__objclass__)
l = []
md(l, 1)
print(l, md.__get__(l)(2), l, md.__get__(None, list) is md)
try:
    md(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    md()
except TypeError as e:
    print("TypeError:", e)
try:
    md.__get__(1)
except TypeError as e:
    print("TypeError:", e)
cmd = dict.__dict__["fromkeys"]
print(cmd, type(cmd).__name__, cmd(dict, "ab"), cmd.__get__(None, dict)("c"))
try:
    cmd(1, "a")
except TypeError as e:
    print("TypeError:", e)
try:
    cmd()
except TypeError as e:
    print("TypeError:", e)
try:
    cmd.__get__(None, int)
except TypeError as e:
    print("TypeError:", e)
w = int.__dict__["__add__"]
print(w.__get__(3)(4), w.__get__(None, int) is w)
try:
    w.__get__("s")
except TypeError as e:
    print("TypeError:", e)
