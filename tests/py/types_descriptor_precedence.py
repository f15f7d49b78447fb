class DataDesc:
    def __get__(self, obj, owner):
        return "data descriptor"
    def __set__(self, obj, value):
        print("DataDesc.__set__", value)

class NonDataDesc:
    def __get__(self, obj, owner):
        if obj is None:
            return "non-data on class"
        return "non-data descriptor"

class A:
    d = DataDesc()
    n = NonDataDesc()
    plain = "class attribute"

a = A()
a.__dict__["d"] = "instance d"
a.__dict__["n"] = "instance n"
print(a.d)           # data descriptor wins over the instance dict
print(a.n)           # instance dict wins over a non-data descriptor
print(a.plain)
a.plain = "instance plain"
print(a.plain, A.plain)
a.d = 42             # goes through __set__
print(a.__dict__["d"])
print(A.n)
del a.__dict__["n"]
print(a.n)

class GetOnly:
    def __get__(self, obj, owner):
        return ("get", obj is None, owner.__name__)
class B:
    g = GetOnly()
print(B.g, B().g)

class Del:
    def __get__(self, obj, owner): return 1
    def __delete__(self, obj): print("deleting")
class C:
    x = Del()
c = C()
del c.x
try:
    c.x = 5
except AttributeError as e:
    print("AttributeError:", e)
