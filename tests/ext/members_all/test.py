from mem import Mem
m = Mem()
names = ["s", "i", "l", "f", "d", "str", "o", "c", "b", "ub", "ui", "us", "ul", "inplace", "flag", "ll", "ull", "n", "ro", "none"]
print([getattr(m, n) for n in names])
try:
    m.ox
except AttributeError as e:
    print("AttributeError", e)
m.o = [1]
m.ox = "set"
m.s = 1000; m.i = -1; m.f = 0.1; m.c = "q"; m.flag = False; m.ull = 5; m.n = 3
print(m.o, m.ox, m.s, m.i, m.f, m.c, m.flag, m.ull, m.n)
del m.o
print(m.o)
del m.ox
for attempt in [("ro", 1), ("str", "x"), ("i", "x"), ("c", "ab"), ("flag", 1), ("s", 10**6), ("ub", -1)]:
    try:
        setattr(m, *attempt)
        print(attempt, "ok", getattr(m, attempt[0]))
    except Exception as e:
        print(attempt, type(e).__name__, e)
try:
    del m.ox
except AttributeError as e:
    print("AttributeError", e)
print(type(Mem.__dict__["i"]).__name__, Mem.i.__name__, Mem.__dict__["i"].__objclass__)
