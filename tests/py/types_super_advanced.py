class Meta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = name.lower()
        return cls
    def __call__(cls, *a, **k):
        inst = super().__call__(*a, **k)
        inst.made_by_meta = True
        return inst
class A(metaclass=Meta):
    def __init__(self, v): self.v = v
a = A(3)
print(A.tag, a.v, a.made_by_meta)

class Base:
    def __setattr__(self, name, value):
        super().__setattr__(name, value * 2 if isinstance(value, int) else value)
    def __getattribute__(self, name):
        return super().__getattribute__(name)
class Derived(Base):
    def __setattr__(self, name, value):
        super().__setattr__(name, value + 1 if isinstance(value, int) else value)
d = Derived()
d.n = 5
print(d.n)

class P:
    @property
    def val(self): return self._v
    @val.setter
    def val(self, v): self._v = v
class Q(P):
    @P.val.setter
    def val(self, v):
        super(Q, type(self)).val.__set__(self, v * 10)
q = Q()
q.val = 2
print(q.val)

class X:
    def hello(self, who="X"): return "hello " + who
class Y(X):
    def hello(self, who="Y"):
        return super().hello(who) + "!"
class Z(Y):
    def hello(self):
        return super(Y, self).hello() + "?"
print(Y().hello(), Z().hello())
s = super(Y, Y())
print(s.hello(), type(s).__name__)
class Sup(super): pass
print(Sup(Y, Y()).hello())
try:
    super(Y, 1).hello
except TypeError as e:
    print("TypeError:", e)
try:
    super(int, 1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    super(int, x=1)
except TypeError as e:
    print("TypeError:", e)
class Cls:
    @classmethod
    def make(cls): return "Cls.make " + cls.__name__
class Cls2(Cls):
    @classmethod
    def make(cls): return super().make() + "+"
print(Cls2.make(), super(Cls2, Cls2).make())
class WithNew:
    def __new__(cls, *a):
        obj = super().__new__(cls)
        obj.args = a
        return obj
print(WithNew(1, 2).args)
