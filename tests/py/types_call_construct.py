# Calling a type: type(x), type.__call__ (__new__ then __init__), the
# excess-argument rules of object.__new__/__init__, metaclass __call__,
# and the C types that construct without arguments.
import gc


def show(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(r if isinstance(r, (int, str, type, tuple)) else type(r).__name__)


print("-- type() itself")
show(lambda: type(1))
show(lambda: type("x", **{}))
show(lambda: type(1, a=2))
show(lambda: type(1, **{"a": 1}))
show(lambda: type())
show(lambda: type(1, 2))
show(lambda: type(a=1))
show(lambda: type("N", (), {}, x=1))
show(lambda: type.__call__(type, 1))
show(lambda: type.__call__(type, 1, a=1))
show(lambda: type.__call__(int))
show(lambda: type.__call__(int, "12"))
show(lambda: type(*[3]))
show(lambda: type(*[], **{}))


class M(type):
    pass


show(lambda: M(1))
show(lambda: M("X", (), {}))
print(type(M("X", (), {})).__name__)


print("-- classes without __new__/__init__")


class Plain:
    pass


show(lambda: Plain())
show(lambda: Plain(1))
show(lambda: Plain(a=1))
show(lambda: Plain(*(), **{}))
show(lambda: Plain(*(1,)))
show(lambda: object())
show(lambda: object(1))
show(lambda: object(a=1))
show(lambda: object(*(), **{}))


print("-- __init__ only")


class InitOnly:
    def __init__(self, x=0):
        self.x = x


show(lambda: InitOnly().x)
show(lambda: InitOnly(5).x)
show(lambda: InitOnly(1, 2))
show(lambda: InitOnly(y=2))


class SuperInitArgs:
    def __init__(self, *a):
        super().__init__(*a)


show(lambda: SuperInitArgs())
show(lambda: SuperInitArgs(1))


print("-- __new__ only")


class NewOnly:
    def __new__(cls, *a, **k):
        return object.__new__(cls)


show(lambda: NewOnly())
show(lambda: NewOnly(1, k=2))


class NewPassesArgs:
    def __new__(cls, *a):
        return object.__new__(cls, *a)


show(lambda: NewPassesArgs())
show(lambda: NewPassesArgs(1))


class BothPass:
    def __new__(cls, *a):
        return super().__new__(cls, *a)

    def __init__(self, *a):
        super().__init__(*a)


show(lambda: BothPass())
show(lambda: BothPass(1))

print("-- __new__ returning other objects")


class Other:
    def __init__(self):
        print("Other.__init__ (must not run)")


class ReturnsOther:
    def __new__(cls):
        return Other.__new__(Other)

    def __init__(self):
        print("ReturnsOther.__init__ (must not run)")


show(lambda: ReturnsOther())


class ReturnsInt:
    def __new__(cls, *a):
        return 42

    def __init__(self):
        print("must not run")


show(lambda: ReturnsInt())
show(lambda: ReturnsInt(1, 2))


class Base:
    def __new__(cls):
        return object.__new__(Derived)

    def __init__(self):
        print("Base.__init__")


class Derived(Base):
    def __init__(self):
        print("Derived.__init__")


show(lambda: Base())


class NewReturnsNone:
    def __new__(cls):
        return None


show(lambda: NewReturnsNone())

print("-- __init__ results and errors")


class InitReturns:
    def __init__(self, v):
        self.v = v

    def __init__(self, v):  # noqa: F811
        return v


show(lambda: InitReturns(None))
show(lambda: InitReturns(1))
show(lambda: InitReturns("s"))


class InitRaises:
    def __init__(self):
        raise ValueError("no")


show(lambda: InitRaises())


class NewRaises:
    def __new__(cls):
        raise KeyError("k")


show(lambda: NewRaises())

print("-- metaclass __call__")


class Meta(type):
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__, a, k)
        return super().__call__(*a, **k)


class WithMeta(metaclass=Meta):
    def __init__(self, *a, **k):
        print("WithMeta.__init__", a, k)


show(lambda: WithMeta())
show(lambda: WithMeta(1, b=2))


class MetaLate(type):
    pass


class Late(metaclass=MetaLate):
    pass


show(lambda: Late())
MetaLate.__call__ = lambda cls, *a: ("late", a)
print(Late())
print(Late(1))
del MetaLate.__call__
show(lambda: Late())


class MetaNoInit(type):
    def __call__(cls):
        return "replaced"


class Replaced(metaclass=MetaNoInit):
    pass


print(Replaced())

print("-- C types called without arguments")
show(lambda: type(None)())
show(lambda: type(Ellipsis)())
show(lambda: type(NotImplemented)())
show(lambda: type(iter([]))())
show(lambda: type(iter(()))())
show(lambda: ValueError().args)
show(lambda: ValueError(1, 2).args)
show(lambda: property().fget)
show(lambda: bytearray())
show(lambda: memoryview())
show(lambda: staticmethod())
show(lambda: type(None)(1))
show(lambda: slice())
print(type(object()).__name__, gc.is_tracked(object()))


class E(ValueError):
    pass


e = E()
print(type(e).__name__, e.args, gc.is_tracked(e))


class E2(ValueError):
    def __init__(self):
        super().__init__("fixed")


print(E2().args)

print("-- subclass instances and GC tracking")


class Slotted:
    __slots__ = ("a",)


class Dicted:
    pass


class NoSlots:
    __slots__ = ()


print(gc.is_tracked(Slotted()), gc.is_tracked(Dicted()), gc.is_tracked(NoSlots()))

print("-- abstract classes")
import abc


class A(abc.ABC):
    @abc.abstractmethod
    def f(self):
        pass

    @abc.abstractmethod
    def g(self):
        pass


show(lambda: A())


class AOne(abc.ABC):
    @abc.abstractmethod
    def f(self):
        pass


show(lambda: AOne())

print("-- recursion through construction")


class Deep:
    n = 0

    def __new__(cls):
        Deep.n += 1
        if Deep.n < 50:
            return Deep()
        return object.__new__(cls)


show(lambda: Deep())
print(Deep.n)


class Forever:
    def __new__(cls):
        return Forever()


try:
    Forever()
except RecursionError:
    print("RecursionError")

print("-- refcounts survive")
import sys


class Counted:
    pass


before = sys.getrefcount(Counted)
objs = [Counted() for _ in range(100)]
print(sys.getrefcount(Counted) - before)
del objs
print(sys.getrefcount(Counted) - before)

print("-- weak references when instances die")
import weakref


class W:
    pass


class WSlots:
    __slots__ = ("__weakref__",)


class WDel:
    def __del__(self):
        global keep_ref
        keep_ref = weakref.ref(self, lambda r: print("late callback"))
        print("__del__")


for cls in (W, WSlots):
    o = cls()
    r1 = weakref.ref(o)
    r2 = weakref.ref(o, lambda r: print("callback", cls.__name__))
    del o
    print(cls.__name__, r1(), r2())
    o = cls()
    del o
    print(cls.__name__, "no refs ok")
o = WDel()
del o
print("after WDel", keep_ref() is None)
