class A:
    a = 1
    def m(self): pass
class B(A):
    b = 2
o = B()
o.c = 3
print([n for n in dir(o) if not n.startswith("__")])
print([n for n in dir(B) if not n.startswith("__")])
print("__add__" in dir(int), "mro" in dir(type), "mro" in dir(int))
class Custom:
    def __dir__(self):
        return ["z", "y", "x"]
print(dir(Custom()))
class BadDir:
    def __dir__(self):
        return 5
try:
    dir(BadDir())
except TypeError as e:
    print("TypeError:", e)
def f():
    local1 = 1
    local2 = 2
    return dir()
print(f())
class Meta(type):
    def __dir__(cls):
        return ["meta"]
class WithMeta(metaclass=Meta): pass
print(dir(WithMeta))
print(sorted(set(dir(object())) - set(dir(object))))
