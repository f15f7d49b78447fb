class A: pass
class WithEntries:
    def __mro_entries__(self, bases): return (A,)
cases = [
    lambda: type("X", (WithEntries(),), {}),
    lambda: type("X", (1,), {}),
    lambda: type("X", (A,), {"__qualname__": 1}),
    lambda: type("X", (), {}, 1, 2),
    lambda: type.__new__(type, "X", (), 1),
    lambda: type.__new__(type, "X"),
    lambda: type.__new__(int, "X", (), {}),
    lambda: type.__init__(type, "X", (), {}, x=1),
    lambda: type.__init__(A, 1, 2),
    lambda: type("X", (bool,), {}),
    lambda: type("X", (int, str), {}),
]
for f in cases:
    try:
        r = f()
        print("ok", r)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
# __mro_entries__ in a class statement works (via __build_class__)
class B(WithEntries()): pass
print(B.__bases__, [type(b).__name__ for b in B.__orig_bases__])
X = type("X", (A,), {"a": 1, "__doc__": "xdoc", "__slots__": ("s",)})
print(X.__doc__, X.a, X.__bases__, type(X.s).__name__, X.__module__)
print(type("Y", (), {"__module__": "m"}).__module__)
M = type("M", (type,), {})
Z = M("Z", (), {})
print(type(Z).__name__, Z.__name__, isinstance(Z, type))
