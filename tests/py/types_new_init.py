class A:
    def __new__(cls, *args, **kwargs):
        print("A.__new__", cls.__name__, args, kwargs)
        return super().__new__(cls)
    def __init__(self, *args, **kwargs):
        print("A.__init__", args, kwargs)

a = A(1, k=2)

class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(Other())

class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self):
        print("init again")
print(Singleton() is Singleton())

class NoArgs: pass
try:
    NoArgs(1)
except TypeError as e:
    print("TypeError:", e)
try:
    NoArgs(x=1)
except TypeError as e:
    print("TypeError:", e)
class InitOnly:
    def __init__(self, x): self.x = x
print(InitOnly(5).x)
class NewOnly:
    def __new__(cls, x): return super().__new__(cls)
print(type(NewOnly(5)).__name__)
class BadNew:
    def __new__(cls, x): return object.__new__(cls, x)
try:
    BadNew(1)
except TypeError as e:
    print("TypeError:", e)
class BadInit:
    def __init__(self, x): object.__init__(self, x)
try:
    BadInit(1)
except TypeError as e:
    print("TypeError:", e)
class ReturnsValue:
    def __init__(self): return 5
try:
    ReturnsValue()
except TypeError as e:
    print("TypeError:", e)
try:
    object(1)
except TypeError as e:
    print("TypeError:", e)
try:
    object.__init__(NoArgs(), 1)
except TypeError as e:
    print("TypeError:", e)
try:
    object.__new__(1)
except TypeError as e:
    print("TypeError:", e)
class SubInt(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
print(SubInt(4), type(SubInt(4)).__name__)
class SubList(list):
    def __init__(self, *a):
        super().__init__(a)
print(SubList(1, 2, 3), len(SubList(1, 2)))
print(type(type.__call__(A, 3)).__name__)
