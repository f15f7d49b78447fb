class A:
    x = 1
a = A()
cases = [
    lambda: a.missing,
    lambda: A.missing,
    lambda: (1).missing,
    lambda: int.missing,
    lambda: None.missing,
    lambda: "s".missing,
    lambda: getattr(a, 1),
    lambda: setattr(a, 1, 2),
    lambda: delattr(a, "nothere"),
    lambda: setattr(1, "x", 2),
    lambda: setattr(int, "x", 2),
    lambda: delattr(int, "real"),
    lambda: setattr(object(), "y", 1),
    lambda: object.__setattr__(1, "x", 2),
    lambda: setattr(len, "x", 1),
    lambda: (1).__class__.__dict__["real"].__set__(1, 2),
]
for f in cases:
    try:
        f()
        print("no error")
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ":", e)
        if isinstance(e, AttributeError):
            print("   name:", e.name, "obj type:", type(e.obj).__name__)
print(getattr(a, "x"), getattr(a, "y", None), hasattr(a, "x"), hasattr(a, "nope"))
try:
    hasattr(a, 5)
except TypeError as e:
    print("TypeError:", e)
class Raiser:
    @property
    def p(self):
        raise ValueError("inside property")
try:
    hasattr(Raiser(), "p")
except ValueError as e:
    print("ValueError:", e)
print(getattr(Raiser(), "q", "dflt"))
