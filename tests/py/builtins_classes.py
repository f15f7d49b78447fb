# __build_class__: metaclasses, __prepare__, __mro_entries__, keywords.
order = []


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        order.append(("prepare", name, sorted(kw)))
        return {"injected": 1}

    def __new__(mcls, name, bases, ns, **kw):
        order.append(("new", name, sorted(ns)))
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        order.append(("init", name))
        super().__init__(name, bases, ns)


class A(metaclass=Meta, flag=True):
    x = 1

    def method(self):
        return __class__


print(order)
print(A.injected, A.x, A().method() is A, type(A).__name__)


class Entry:
    def __mro_entries__(self, bases):
        return (dict,)


class D(Entry()):
    pass


print(D.__mro__, D.__orig_bases__[0].__class__.__name__)


class M1(type):
    pass


class M2(type):
    pass


class B1(metaclass=M1):
    pass


class B2(metaclass=M2):
    pass


try:
    class C(B1, B2):
        pass
except TypeError as e:
    print("TypeError:", e)


def deco(cls):
    cls.decorated = True
    return cls


@deco
class E:
    pass


print(E.decorated, E.__name__, E.__qualname__, E.__module__)
