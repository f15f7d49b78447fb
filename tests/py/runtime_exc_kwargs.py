# keyword arguments accepted and refused by exception constructors
tests = [
    lambda: ValueError(a=1),
    lambda: ImportError("m", name="n", path="p"),
    lambda: ImportError("m", bad=1),
    lambda: ModuleNotFoundError(name="x"),
    lambda: AttributeError("m", name="n", obj=5),
    lambda: AttributeError(foo=1),
    lambda: NameError("m", name="nm"),
    lambda: NameError(obj=1),
    lambda: OSError(1, "x", foo=2),
    lambda: KeyError(key=1),
]
for t in tests:
    try:
        r = t()
        print("ok", type(r).__name__, repr(r), getattr(r, "name", None))
    except TypeError as e:
        print("TypeError:", e)
class MyErr(ValueError):
    pass
try:
    MyErr(x=1)
except TypeError as e:
    print("TypeError:", e)
class WithInit(ValueError):
    def __init__(self, a, b=2):
        super().__init__(a)
        self.b = b
w = WithInit(1, b=3)
print(w.args, w.b)
