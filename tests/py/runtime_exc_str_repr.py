# str() and repr() of every builtin exception class, with 0, 1 and 2 args
import builtins
names = []
for n in dir(builtins):
    obj = getattr(builtins, n)
    if isinstance(obj, type) and issubclass(obj, BaseException):
        names.append(n)
names.sort()
skip = {"UnicodeDecodeError", "UnicodeEncodeError", "UnicodeTranslateError",
        "BaseExceptionGroup", "ExceptionGroup"}
for n in names:
    cls = getattr(builtins, n)
    if n in skip:
        continue
    for args in [(), ("msg",), ("a", 2)]:
        e = cls(*args)
        print(n, repr(str(e)), repr(e), e.args)
