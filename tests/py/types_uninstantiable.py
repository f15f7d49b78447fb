# Static types made directly on object without a __new__ of their own
# cannot be called (object.__new__ would hand out an uninitialised object).
samples = [iter([]), iter(()), {}.keys(), {}.values(), {}.items(), len, int.__add__, (1).__add__,
           list.append, type.__dict__["__name__"], iter(range(3)), iter("ab"), iter({}),
           dict.__dict__["fromkeys"], int.__dict__["real"], type(None), type(NotImplemented)]
for s in samples:
    t = s if isinstance(s, type) else type(s)
    try:
        t()
        print("made", t.__name__)
    except TypeError as e:
        print("TypeError:", e)
for t in [type(iter([])), type(len)]:
    try:
        t.__new__(t)
    except TypeError as e:
        print("TypeError:", e)
    try:
        object.__new__(t)
    except TypeError as e:
        print("TypeError:", e)
