class A:
    @classmethod
    def make(cls, v):
        "make doc"
        return (cls.__name__, v)

    @staticmethod
    def helper(a, b=2):
        "helper doc"
        return a + b

class B(A): pass

print(A.make(1), B.make(2), B().make(3))
print(A.helper(1), A().helper(1, 3))
cm = A.__dict__["make"]
sm = A.__dict__["helper"]
print(type(cm).__name__, type(sm).__name__)
print(cm.__func__.__name__, cm.__wrapped__ is cm.__func__, cm.__doc__, cm.__name__, cm.__qualname__)
print(sm.__func__.__name__, sm.__wrapped__ is sm.__func__, sm.__doc__, sm.__name__)
print(sm(10), sm(1, 1))   # staticmethod objects are callable (3.10+)
print(cm.__isabstractmethod__, sm.__isabstractmethod__)
print(repr(cm).startswith("<classmethod(<function A.make"), repr(sm).startswith("<staticmethod(<function A.helper"))
bound = A.make
print(bound.__self__ is A, bound.__func__ is cm.__func__)
try:
    classmethod()
except TypeError as e:
    print("TypeError:", e)
try:
    staticmethod(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    classmethod(len, x=1)
except TypeError as e:
    print("TypeError:", e)
# classmethod of a builtin
class C:
    f = classmethod(len)
try:
    C.f()
except TypeError as e:
    print("TypeError:", e)
print(dict.fromkeys("ab"), type(dict.__dict__["fromkeys"]).__name__)
# chained classmethod/property (3.9-3.12)
class D:
    @classmethod
    @property
    def name(cls):
        return "D:" + cls.__name__
print(D.name)
cm.extra = 1
print(cm.extra, sorted(k for k in cm.__dict__))
