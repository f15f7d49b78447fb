class Registry:
    subclasses = []
    def __init_subclass__(cls, /, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag
        Registry.subclasses.append(cls.__name__)

class A(Registry, tag="a"): pass
class B(A): pass
class C(B, tag="c"): pass
print(Registry.subclasses, A.tag, B.tag, C.tag)
print(type(Registry.__dict__["__init_subclass__"]).__name__)

try:
    class D(Registry, bogus=1): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class E(bogus=1): pass
except TypeError as e:
    print("TypeError:", e)

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__ kw", kw)
        return super().__new__(mcls, name, bases, ns, **kw)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class WithKw:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
class F(WithKw, metaclass=Meta, x=1): pass

class Desc:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
class G:
    first = Desc()
    second = Desc()
print(G.first.name, G.second.name)
d = Desc()
class H: pass
H.late = d      # no __set_name__ for attributes set later
print(hasattr(d, "name"))
class BadSetName:
    def __set_name__(self, owner, name):
        raise ValueError("nope")
try:
    class I:
        attr = BadSetName()
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
except ValueError as e:
    print("ValueError:", e)
