class A:
    def who(self): return "A"
class B:
    def who(self): return "B"
class S1:
    __slots__ = ("a",)
class S2:
    __slots__ = ("a",)
class S3:
    __slots__ = ("b",)

a = A()
a.__class__ = B
print(a.who(), type(a).__name__, isinstance(a, B))
s = S1()
s.a = 1
s.__class__ = S2
print(type(s).__name__, s.a)
for target, value in [(A(), 1), (A(), int), (1, A), (A(), S1), (S1(), S3)]:
    try:
        target.__class__ = value
        print("ok")
    except TypeError as e:
        print("TypeError:", e)
try:
    del a.__class__
except TypeError as e:
    print("TypeError:", e)
import types
class MyModule(types.ModuleType):
    def hello(self): return "hello from " + self.__name__
m = types.ModuleType("mmm")
m.__class__ = MyModule
print(m.hello(), type(m).__name__)

# __bases__ assignment
class Base1:
    def f(self): return "Base1"
class Base2:
    def f(self): return "Base2"
class Child(Base1): pass
c = Child()
print(c.f())
Child.__bases__ = (Base2,)
print(c.f(), Child.__mro__)
for bases in [(), 1, (1,), (Child,)]:
    try:
        Base1.__bases__ = bases if bases != (Child,) else bases
    except TypeError as e:
        print("TypeError:", e)
print(Base1.__subclasses__(), Base2.__subclasses__())

class N(types.SimpleNamespace): pass
class A: pass
a = A()
try:
    a.__class__ = N
    print("ok", type(a))
except TypeError as e:
    print("TypeError:", e)
n = N()
try:
    n.__class__ = A
    print("ok")
except TypeError as e:
    print("TypeError:", e)
class S1:
    __slots__ = ("a", "b")
class S2:
    __slots__ = ("a", "b")
class S3:
    __slots__ = ("b", "a")
s = S1()
s.__class__ = S3
print(type(s).__name__)
