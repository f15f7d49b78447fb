class Meta(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", cls.__name__, type(inst).__name__)
        return isinstance(inst, int)
    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, sub.__name__)
        return issubclass(sub, int)

class IntLike(metaclass=Meta): pass

print(isinstance(3, IntLike), isinstance("x", IntLike))
print(issubclass(bool, IntLike), issubclass(str, IntLike))
print(isinstance(IntLike(), IntLike))   # exact type: no hook call
print(isinstance(3, (str, IntLike)), isinstance(3, (str, (bytes, int))))
print(issubclass(bool, (str, int)))
print(isinstance(None, int | None), isinstance(1.5, int | str), issubclass(bool, int | str))

class Proxy:
    def __init__(self, target): self._t = target
    @property
    def __class__(self): return type(self._t)
p = Proxy([])
print(isinstance(p, list), isinstance(p, Proxy), type(p) is Proxy)

class FakeClass:
    __bases__ = ()
class FakeInstance:
    __class__ = FakeClass
print(isinstance(FakeInstance(), FakeClass))
for args in [(1, 1), (1, (int, 1)), (1, [int])]:
    try:
        isinstance(*args)
    except TypeError as e:
        print("TypeError:", e)
for args in [(1, int), (int, 1), (int, [int])]:
    try:
        issubclass(*args)
    except TypeError as e:
        print("TypeError:", e)
class Tricky:
    __bases__ = (int,)
print(issubclass(Tricky(), int) if False else "skip", isinstance(True, bool))
