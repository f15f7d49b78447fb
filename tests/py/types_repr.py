class A:
    class Inner:
        pass
    def method(self): pass

print(A, A.Inner, int, type, object, type(None), type(NotImplemented))
print(repr(A())[:22] == "<__main__.A object at ", repr(A.Inner())[:28] == "<__main__.A.Inner object at ")
print(A.__name__, A.__qualname__, A.Inner.__qualname__, A.__module__, int.__module__)
print(len, print, [].append.__name__, [].append.__qualname__)
print(repr([].append)[:38])
print(str.join, dict.fromkeys.__qualname__, object.__init__, int.__add__)
print(repr(int.__add__.__get__(1))[:35])
print(type(int.__dict__["real"]), int.real, type.__dict__["__mro__"])
print(A.method.__qualname__)
print(repr(None), repr(NotImplemented), repr(Ellipsis), str(None))
A.__name__ = "Renamed"
A.__qualname__ = "Outer.Renamed"
print(A, A.__name__)
try:
    A.__name__ = 5
except TypeError as e:
    print("TypeError:", e)
try:
    A.__qualname__ = 5
except TypeError as e:
    print("TypeError:", e)
class M:
    __module__ = "somewhere.else"
print(M)
class NoMod: pass
NoMod.__module__ = 42
print(NoMod)
class CustomRepr:
    def __repr__(self): return "custom!"
print(CustomRepr(), str(CustomRepr()), [CustomRepr()], "%s %r" % (CustomRepr(), CustomRepr()))
class BadRepr:
    def __repr__(self): return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class BadStr:
    def __str__(self): return None
try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)
print(ascii("héllo\u20ac\U0001f600"), ascii(["é"]))
