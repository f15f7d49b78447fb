class F:
    def __call__(self, *args, **kwargs):
        return (args, kwargs)
f = F()
print(f(1, 2, a=3), callable(f), callable(F), callable(1), callable(len), callable(None))
class NotCallable: pass
for target in [1, "s", NotCallable(), None]:
    try:
        target()
    except TypeError as e:
        print("TypeError:", e)
def func(a, b=2, *rest, c, **kw):
    return (a, b, rest, c, kw)
print(func(1, c=3), func(1, 2, 3, 4, c=5, d=6), func(*[1, 2], **{"c": 3}))
print(list(map(F(), [1, 2])))
print(sorted([3, 1, 2], key=lambda x: -x), max([1, 5, 2]), min("bca"))
print(len("abc"), len(a=1) if False else "skip")
for call in [lambda: len(), lambda: len(1, 2), lambda: len(obj=1), lambda: [].append(), lambda: [].append(1, 2),
             lambda: [].clear(1), lambda: {}.get(), lambda: "".join(), lambda: abs(), lambda: divmod(1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
m = [].append
print(m.__self__, m.__name__, m.__qualname__, type(m).__name__)
print(m == [].append, len == len, hash(len) == hash(len))
class MetaCall(type):
    def __call__(cls, *a):
        return "intercepted %s %r" % (cls.__name__, a)
class K(metaclass=MetaCall): pass
print(K(1, 2))
class WithNew:
    def __new__(cls, *a, **k):
        return ("new", a, k)
print(WithNew(1, x=2))
print(type(1), type("x", (), {}).__name__)
try:
    type(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    type("x", (), {}, extra=1)
except TypeError as e:
    print("TypeError:", e)
