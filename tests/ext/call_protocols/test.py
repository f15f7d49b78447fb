import proto


def f(*args, **kw):
    return (args, sorted(kw.items()))


for part in proto.calls(f, "abc"):
    print(part)
c = proto.Callable()
print(c(), c(1, 2), c(1, x=2), c.count())
p = proto.PlainCallable()
print(p(), p(1, x=2))
print(proto.protocols([3, 1, 3, 2]))
print(proto.protocols("hello"))
print(proto.mapping({"a": 1, "b": 2}))
try:
    proto.protocols(5)
except TypeError as e:
    print("TypeError", e)
