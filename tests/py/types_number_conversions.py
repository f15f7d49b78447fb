class I:
    def __index__(self): return 7
class N:
    def __int__(self): return 3
    def __float__(self): return 2.5
class T:
    def __trunc__(self): return 9
class Both:
    def __index__(self): return 4
    def __int__(self): return 5

print(int(N()), float(N()), int(I()), float(I()), int(Both()), [1, 2, 3, 4, 5][Both()])
print(bin(I()), hex(I()), oct(I()), list(range(I()))[-1], "ab" * I() == "ab" * 7)
import warnings
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    print(int(T()))
for bad in [object(), [], None]:
    try:
        int(bad)
    except TypeError as e:
        print("TypeError:", e)
    try:
        float(bad)
    except TypeError as e:
        print("TypeError:", e)
class BadIndex:
    def __index__(self): return "x"
class BadInt:
    def __int__(self): return 1.5
class BadFloat:
    def __float__(self): return 1
for f, v in [(int, BadInt()), (float, BadFloat())]:
    try:
        f(v)
    except TypeError as e:
        print("TypeError:", e)
try:
    [1][BadIndex()]
except TypeError as e:
    print("TypeError:", e)
try:
    lst, key = [1], "a"
    lst[key]
except TypeError as e:
    print("TypeError:", e)
try:
    [1][2**100]
except IndexError as e:
    print("IndexError:", e)
print(int("  42 "), int(b"17"), float("1.5"), int(True), int(3.9), complex(I()) if False else "skip")
try:
    int(b"1x")
except ValueError as e:
    print("ValueError:", e)
print(-I() if False else "skip", abs(-5), ~5)
for expr in ["-'a'", "+[]", "~1.5", "abs('x')"]:
    try:
        eval(expr)
    except TypeError as e:
        print("TypeError:", e)
