class Money:
    def __init__(self, v): self.v = v
    def __format__(self, spec):
        if spec == "":
            return "$%d" % self.v
        return "$" + format(self.v, spec)
m = Money(5)
print(format(m), format(m, "03d"), "{}".format(m), "{:>4}".format(m), f"{m}", f"{m:x}")
class Plain: pass
p = Plain()
print(format(p) == str(p), "{}".format(p) == str(p))
try:
    format(p, "d")
except TypeError as e:
    print("TypeError:", e)
try:
    f"{p:>10}"
except TypeError as e:
    print("TypeError:", e)
class BadFormat:
    def __format__(self, spec): return 42
try:
    format(BadFormat())
except TypeError as e:
    print("TypeError:", e)
try:
    format(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(format(3.14159, ".2f"), format(42, "b"), format("s", "^5"), format(None), format(True, "d"))
class StrOnly:
    def __str__(self): return "str!"
print(format(StrOnly()), "{}".format(StrOnly()), f"{StrOnly()!r}"[:10])
class MyInt(int): pass
print(format(MyInt(7), "03"), f"{MyInt(7)}")
