# isinstance/issubclass protocol: tuples, unions, hooks, recursion, errors.
class Meta(type):
    def __instancecheck__(cls, inst):
        print('instancecheck', cls.__name__, type(inst).__name__)
        return inst == 42
    def __subclasscheck__(cls, sub):
        print('subclasscheck', cls.__name__, getattr(sub, '__name__', sub))
        return sub is int
class M(metaclass=Meta): pass
print(isinstance(42, M), isinstance(1, M), isinstance(M(), M))
print(issubclass(int, M), issubclass(str, M), issubclass(M, M))
print(isinstance(3, (str, (bytes, int))), isinstance(3, int | str), isinstance(None, int | None))
print(issubclass(bool, (str, (float, int))), issubclass(bool, int | str))
print(isinstance(42, (str, M)), issubclass(int, (str, M)))
class Fake:
    __class__ = int
print(isinstance(Fake(), int), isinstance(Fake(), Fake))
class AbstractLike:
    @property
    def __bases__(self): return ()
    def __call__(self): pass
a = AbstractLike()
for args in [(1, 1), (int, 1), (int, (int, 1)), (1, int)]:
    try: print(issubclass(*args))
    except TypeError as e: print('TypeError:', e)
try: isinstance(1, 1)
except TypeError as e: print('TypeError:', e)
try: issubclass(int, a)
except TypeError as e: print('TypeError:', e)
t = (int,)
for _ in range(100000): t = (t,)
try: print(isinstance(1, t))
except RecursionError as e: print('RecursionError:', e)
try: print(issubclass(int, t))
except RecursionError as e: print('RecursionError:', e)
