class A:
    "docstring of A"
    x = 1
class B(A): pass

print(A.__doc__, B.__doc__, A.__dict__["__doc__"], "__doc__" in B.__dict__)
print(type(A.__dict__).__name__, A.__dict__["x"], "x" in A.__dict__, "y" in A.__dict__)
print(A.__bases__, B.__bases__, B.__base__, A.__base__, object.__base__, object.__bases__)
print(B.__mro__, type.__mro__)
print(A.__flags__ & (1 << 9) != 0, int.__flags__ & (1 << 9) != 0)
print(int.__basicsize__ > 0, int.__itemsize__ > 0, A.__weakrefoffset__ > 0)
print(A.__subclasses__(), object.__subclasses__ is not None)
print(A.__module__, A.__name__, A.__qualname__)
print(int.__doc__.split("\n")[0], type(object.__doc__).__name__)
print(sorted(B.__dict__.keys()))
try:
    A.__dict__["y"] = 1
except TypeError as e:
    print("TypeError:", e)
A.y = 2
print(A.y, B.y)
del A.y
print(hasattr(B, "y"))
print(A.__annotations__)
class C:
    v: int = 3
    w: str
print(C.__annotations__)
print(type(A), type(type), type.__class__, A.__class__)
print(A.__dir__ is not None, sorted(set(dir(B)) - set(dir(object))))
print(type.__sizeof__(A) > 0)
try:
    A.__mro__ = ()
except AttributeError as e:
    print("AttributeError:", e)
