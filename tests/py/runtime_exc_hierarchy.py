# the class hierarchy of the builtin exceptions
import builtins
names = []
for n in dir(builtins):
    obj = getattr(builtins, n)
    if isinstance(obj, type) and issubclass(obj, BaseException):
        names.append(n)
names.sort()
for n in names:
    cls = getattr(builtins, n)
    print(n, [c.__name__ for c in cls.__mro__], cls.__module__)
print(EnvironmentError is OSError, IOError is OSError)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))
