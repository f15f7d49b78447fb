class A:
    def __init__(self):
        self._x = 0

    @property
    def x(self):
        "the x property"
        return self._x

    @x.setter
    def x(self, v):
        print("set x", v)
        self._x = v

    @x.deleter
    def x(self):
        print("del x")
        self._x = None

    ro = property(lambda self: "read-only")
    nothing = property()

a = A()
a.x = 5
print(a.x, A.x.__doc__, type(A.x).__name__)
del a.x
print(a.x)
for action in ("set", "del", "get"):
    try:
        if action == "set":
            a.ro = 1
        elif action == "del":
            del a.ro
        else:
            a.nothing
    except AttributeError as e:
        print("AttributeError:", e)
p = property(None, None, None, "doc text")
print(p.__doc__, p.fget, p.fset, p.fdel)
print(A.x.fget.__name__, A.x.fset.__name__, A.x.fdel.__name__)
print(A.x.__isabstractmethod__)

class Sub(property):
    pass
class B:
    @Sub
    def y(self):
        "y doc"
        return 1
print(B().y, B.y.__doc__, type(B.y).__name__)

# a property created outside a class has no name for its errors
q = property(lambda self: 1)
class C: pass
C.q = q
try:
    C().q = 2
except AttributeError as e:
    print("AttributeError:", e)
q.__set_name__(C, "q")
try:
    C().q = 2
except AttributeError as e:
    print("AttributeError:", e)
try:
    property(1, 2, 3, 4, 5)
except TypeError as e:
    print("TypeError:", e)
