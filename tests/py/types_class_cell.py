class A:
    def get_class(self):
        return __class__
    def uses_super(self):
        return super().__class__.__name__
    @classmethod
    def cm(cls):
        return __class__.__name__, cls.__name__
    @staticmethod
    def sm():
        return __class__.__name__

class B(A): pass
print(A().get_class(), B().get_class(), B().uses_super(), B.cm(), B.sm())

class Meta(type):
    def __new__(mcls, name, bases, ns):
        print("has __classcell__:", "__classcell__" in ns)
        return super().__new__(mcls, name, bases, ns)
class C(metaclass=Meta):
    def f(self):
        return __class__
print(C().f() is C, "__classcell__" in C.__dict__)
class D(metaclass=Meta):
    x = 1

def make():
    class Local:
        def who(self):
            return __class__.__qualname__
    return Local
print(make()().who())
class Outer:
    class Inner:
        def f(self):
            return super().__repr__()[:24]
print(Outer.Inner().f(), Outer.Inner.__qualname__)
class E:
    def method(self):
        def nested():
            return __class__
        return nested()
print(E().method().__name__)
