class Outer:
    "Outer doc"
    class Middle:
        class Inner:
            "Inner doc"
            def method(self): "method doc"
    def f(self):
        class InF: pass
        return InF
print(Outer.Middle.Inner.__qualname__, Outer.Middle.Inner.method.__qualname__, Outer().f().__qualname__)
print(Outer.__doc__, Outer.Middle.__doc__, Outer.Middle.Inner.__doc__, Outer.Middle.Inner.method.__doc__)
class Sub(Outer): pass
print(Sub.__doc__)
Outer.Middle.__doc__ = "set later"
print(Outer.Middle.__doc__)
print(int.__doc__[:30].replace("\n", "|"), object.__doc__.split("\n")[0])
print(type.__doc__.split("\n")[0], super.__doc__.split("\n")[0], property.__doc__.split("\n")[0])
def func():
    "func doc"
print(func.__doc__, func.__qualname__, (lambda: 0).__qualname__)
class Q:
    __qualname__ = "Custom.Name"
print(Q.__qualname__, Q)
try:
    class R:
        __qualname__ = 5
except TypeError as e:
    print("TypeError:", e)
try:
    type("N\x00", (), {})
except ValueError as e:
    print("ValueError:", e)
try:
    Outer.__name__ = "a\x00b"
except ValueError as e:
    print("ValueError:", e)
