class MetaDesc:
    def __get__(self, obj, owner):
        return ("MetaDesc", type(obj).__name__ if obj is not None else None)
    def __set__(self, obj, value):
        print("MetaDesc.__set__", value)

class Meta(type):
    data = MetaDesc()
    meta_only = "from meta"
    shadowed = "meta version"
    def meta_method(cls):
        return "meta_method of " + cls.__name__
    @property
    def prop(cls):
        return "meta prop of " + cls.__name__

class A(metaclass=Meta):
    shadowed = "class version"
    data = "class data"     # the metaclass data descriptor wins

print(A.data, A.meta_only, A.shadowed, A.meta_method(), A.prop)
A.data = 5
print(A.__dict__["data"])
try:
    A().meta_only
except AttributeError as e:
    print("AttributeError:", e)
print(A().shadowed, A().data)
try:
    A.nothing
except AttributeError as e:
    print("AttributeError:", e)
print(type(A).__name__, Meta.__prepare__("X", ()), type.__prepare__())
print(type(type.__dict__["__prepare__"]).__name__)

class Counter(type):
    def __setattr__(cls, name, value):
        print("Counter.__setattr__", name)
        super().__setattr__(name, value)
    def __getattr__(cls, name):
        return "missing class attr " + name
class B(metaclass=Counter): pass
B.x = 1
print(B.x, B.y)
class WithSlotsMeta(type):
    __slots__ = ()
print(type(WithSlotsMeta("Z", (), {})).__name__)
