class MyInt(int):
    def __add__(self, o):
        return MyInt(int(self) + int(o) + 100)
    def __repr__(self):
        return "MyInt(%d)" % int(self)
a = MyInt(1)
print(a + 1, 1 + a, a * 2, type(a * 2).__name__, isinstance(a, int), a == 1, hash(a) == hash(1))
class MyStr(str):
    def shout(self): return self.upper() + "!"
s = MyStr("hi")
print(s.shout(), s + "x", type(s + "x").__name__, len(s), s == "hi", {s: 1}["hi"])
class MyList(list):
    def __getitem__(self, i):
        return "item %r" % (i,)
ml = MyList([1, 2, 3])
print(ml[0], ml[1:], len(ml), list(ml), sum(ml), ml + [4], type(ml + [4]).__name__)
class MyDict(dict):
    def __missing__(self, k):
        return "missing %s" % k
md = MyDict(a=1)
print(md["a"], md["b"], md.get("b"), len(md))
class AttrDict(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k)
ad = AttrDict(x=5)
ad.y = 6
print(ad.x, ad.y, ad, ad.__dict__)
class MyTuple(tuple):
    def __new__(cls, *a):
        return super().__new__(cls, a)
t = MyTuple(1, 2)
print(t, len(t), t[0], type(t).__name__, t + (3,))
class MyFloat(float):
    pass
print(MyFloat(1.5) + 1, type(MyFloat(1.5) + 1).__name__, MyFloat(2.0).__class__.__name__)
class MyException(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise MyException("bad", 42)
except MyException as e:
    print(e, e.code, e.args)
class Sl(list):
    __slots__ = ()
print(Sl([1]), hasattr(Sl([1]), "__dict__"))
print(issubclass(MyInt, int), MyInt.__mro__, bool.__bases__)
