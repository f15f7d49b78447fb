print(type(None), type(NotImplemented), type(None)(), type(NotImplemented)() is NotImplemented)
try:
    type(None)(1)
except TypeError as e:
    print("TypeError:", e)
try:
    type(NotImplemented)(x=1)
except TypeError as e:
    print("TypeError:", e)
print(bool(None), None is None, repr(None), str(NotImplemented), NotImplemented.__reduce__())
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(bool(NotImplemented))
    print(len(w), w[0].category.__name__ if w else None, str(w[0].message) if w else None)
try:
    class X(type(None)): pass
except TypeError as e:
    print("TypeError:", e)
try:
    None.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(None.__class__, None.__eq__(None), None.__ne__(1), None.__hash__() == hash(None))
print(sorted(k for k in dir(None) if not k.startswith("__")))
