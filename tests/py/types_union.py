u = int | str
print(u, type(u).__name__, u.__args__)
print(int | None, None | int, (int | str) | bytes, int | (str | bytes), int | int)
print(u == (str | int), u == (int | bytes), hash(u) == hash(str | int))
print(isinstance(1, u), isinstance("s", u), isinstance(1.0, u), isinstance(None, int | None))
print(issubclass(bool, u), issubclass(float, u))
try:
    int | 1
except TypeError as e:
    print("TypeError:", e)
try:
    "x" | int
except TypeError as e:
    print("TypeError:", e)
class A: pass
class B: pass
print((A | B).__args__, A | B)
print((int | str).__parameters__)
print(type(int | str) is type(str | bytes))
