print(len.__name__, len.__qualname__, len.__module__, len.__self__.__name__)
print(repr(len), repr(print), type(len).__name__)
b = [].append
print(b.__name__, b.__qualname__, b.__self__, b.__module__)
print(dict.fromkeys.__self__ is dict, dict.fromkeys.__qualname__, repr(dict.fromkeys)[:35])
print("".join.__qualname__, (1).__add__.__qualname__, object.__init__.__qualname__)
print(len.__reduce__(), [].append.__reduce__()[1][1])
print(len == len, len != print, [].append == [].append)
print(hash(len) == hash(len), {len: 1}[len])
print(str.maketrans.__qualname__, type(str.__dict__["maketrans"]).__name__)
print(len.__doc__.split("\n")[0])
try:
    len.__name__ = "x"
except AttributeError as e:
    print("AttributeError:", e)
print(callable(len), isinstance(len, type(print)))
print(sorted.__name__, abs(-3), divmod(7, 2))
print(type(int.__dict__["from_bytes"]).__name__, int.from_bytes(b"\x01\x00", "little"))
