for t, name in [(int, "foo"), (str, "upper"), (list, "append"), (type, "mro"), (object, "x")]:
    try:
        setattr(t, name, 1)
    except TypeError as e:
        print("TypeError:", e)
    try:
        delattr(t, name)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
for attr in ["__name__", "__qualname__", "__module__", "__doc__", "__bases__"]:
    try:
        setattr(int, attr, "x")
    except TypeError as e:
        print("TypeError:", e)
class A: pass
A.__module__ = "mod"
A.__doc__ = "doc"
print(A.__module__, A.__doc__, A)
try:
    del A.__name__
except TypeError as e:
    print("TypeError:", e)
try:
    del A.__qualname__
except TypeError as e:
    print("TypeError:", e)
print(int.__flags__ & (1 << 8) != 0, A.__flags__ & (1 << 8) != 0)
try:
    int.__dict__["real"] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    class X(bool): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Y(type(len)): pass
except TypeError as e:
    print("TypeError:", e)
