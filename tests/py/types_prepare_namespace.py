class OrderedNS(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, k, v):
        self.order.append(k)
        super().__setitem__(k, v)

class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, bases, kw)
        return OrderedNS()
    def __new__(mcls, name, bases, ns, **kw):
        print("namespace type", type(ns).__name__, [k for k in ns.order if not k.startswith("__")])
        return super().__new__(mcls, name, bases, dict(ns))
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)

class A(metaclass=Meta, option=True):
    z = 1
    a = 2
    def m(self): pass
print(type(A.__dict__).__name__, "z" in A.__dict__)

class BadPrepare(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 42
try:
    class B(metaclass=BadPrepare): pass
except TypeError as e:
    print("TypeError:", e)

class NoDictNew(type):
    def __new__(mcls, name, bases, ns):
        ns["injected"] = True
        return super().__new__(mcls, name, bases, ns)
class C(metaclass=NoDictNew): pass
print(C.injected)
def not_a_class(name, bases, ns):
    return ("made by function", name, sorted(k for k in ns if not k.startswith("__")))
class D(metaclass=not_a_class):
    x = 1
print(D)
