class A:
    def f(self): pass
s = super(A, A())
for attr in ["__thisclass__", "__self__", "__self_class__"]:
    try:
        setattr(s, attr, 1)
    except AttributeError as e:
        print("AttributeError:", e)
p = property()
for attr in ["fget", "fset", "fdel"]:
    try:
        setattr(p, attr, 1)
    except AttributeError as e:
        print("AttributeError:", e)
p.__doc__ = "writable doc"
print(p.__doc__)
cm = classmethod(len)
try:
    cm.__func__ = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    int.__dict__["real"].__set__(1, 2)
except AttributeError as e:
    print("AttributeError:", e)
try:
    (1).real = 2
except AttributeError as e:
    print("AttributeError:", e)
try:
    int.__basicsize__ = 1
except (AttributeError, TypeError) as e:
    print(type(e).__name__ + ":", e)
try:
    A.__basicsize__ = 1
except (AttributeError, TypeError) as e:
    print(type(e).__name__ + ":", e)
try:
    A.f.__name__ = "g"
    print(A.f.__name__)
except AttributeError as e:
    print("AttributeError:", e)
try:
    [].append.__self__ = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    A.__dict__ = {}
except AttributeError as e:
    print("AttributeError:", e)
try:
    del A.__dict__
except (AttributeError, TypeError) as e:
    print(type(e).__name__ + ":", e)
