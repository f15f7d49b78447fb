# Classes: bodies, __qualname__/__module__, class cells and super(),
# metaclasses and keywords, decorators, name mangling, nested classes,
# class-scope name resolution rules, __init_subclass__, slots of scoping.

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["kw"] = sorted(kw.items())
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)

class Base(metaclass=Meta, flag=1):
    "Base doc"
    attr = 1
    def hello(self):
        return "Base.hello"

class Child(Base, flag=2, other=3):
    attr = Base.attr + 1
    def hello(self):
        return "Child+" + super().hello()

print(Base.kw, Child.kw, Child.attr, Child().hello(), Base.__doc__, Child.__doc__)
print(Base.__qualname__, Base.__module__, type(Child).__name__)

class Outer:
    class Inner:
        def m(self):
            pass
    def f(self):
        class Local:
            pass
        return Local

print(Outer.Inner.__qualname__, Outer.Inner.m.__qualname__, Outer().f().__qualname__)

class Mangle:
    __private = "p"
    def get(self):
        return self.__private, self._Mangle__private
    def __dunder__(self):
        return "not mangled"

m = Mangle()
print(m.get(), m.__dunder__(), hasattr(m, "__private"), sorted(k for k in Mangle.__dict__ if "priv" in k))

def deco(cls):
    cls.decorated = True
    return cls

@deco
class D:
    pass

print(D.decorated)

x = "global"
class Scope:
    x = "class"
    y = x
    def f(self):
        return x
    z = [x for _ in range(1)]

print(Scope.y, Scope().f(), Scope.z)

class Cell:
    def __init__(self):
        self.v = __class__
    def method(self):
        return super()

print(Cell().v is Cell, type(Cell().method()).__name__)

class WithInit:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag

class Tagged(WithInit, tag="t"):
    pass

print(Tagged.tag)

class Props:
    def __init__(self):
        self._v = 0
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, val):
        self._v = val * 2
    @staticmethod
    def s():
        return "static"
    @classmethod
    def c(cls):
        return cls.__name__

p = Props()
p.v = 21
print(p.v, Props.s(), Props.c())

class Ann:
    a: int
    b: str = "x"
    def m(self) -> None:
        c: int = 3

print(Ann.__annotations__, Ann.b)

bases = (Base,)
class Dyn(*bases, **{"flag": 9}):
    pass
print(Dyn.kw, Dyn.__mro__[1].__name__)

class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count

print([Counter().id for _ in range(3)], Counter.count)

class Rep:
    def __repr__(self):
        return "Rep()"
    def __eq__(self, other):
        return isinstance(other, Rep)
    __hash__ = None

print(repr(Rep()), Rep() == Rep(), Rep.__hash__)
