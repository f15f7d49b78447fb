class Meta(type):
    count = 0

    def __new__(mcls, name, bases, ns):
        ns["created_by"] = mcls.__name__
        cls = super().__new__(mcls, name, bases, ns)
        Meta.count += 1
        return cls

    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args, kwargs)
        return super().__call__(*args, **kwargs)

    def describe(cls):
        return "class %s" % cls.__name__


class A(metaclass=Meta):
    def __init__(self, x=0):
        self.x = x


class B(A):
    pass


a = A(1)
b = B(x=2)
print(a.x, b.x, A.created_by, B.created_by, Meta.count)
print(A.describe(), B.describe())
print(type(A) is Meta, type(B) is Meta, isinstance(A, type))
try:
    a.describe()
except AttributeError as e:
    print("AttributeError:", e)

# type() with three arguments
C = type("C", (A,), {"y": 5, "__module__": "mymod"})
print(C, C.y, C.__qualname__, C.__module__, type(C).__name__)
D = type("D", (), {})
print(D.__bases__, D.__mro__)

# a metaclass conflict
class M1(type): pass
class M2(type): pass
class X(metaclass=M1): pass
class Y(metaclass=M2): pass
try:
    class Z(X, Y): pass
except TypeError as e:
    print("TypeError:", e)

# the most derived metaclass wins
class M3(M1): pass
class W(metaclass=M3): pass
class V(X, W): pass
print(type(V).__name__)
