for spec in ["", "s", "10", "<10", ">10", "^10", "*^10", ".2", "10.2", "x>5", "€<4", "05", "0>5", "=<3", "<", "^", ">1"]:
    print(repr(spec), repr(format("abc", spec)), repr(format("", spec)), repr(format("é€😀", spec)))
for spec in ["=5", "+5", " ", "-", ",", "_", "z", "#", "d", "x", "%", "5.2f", "s5", "10.", ".s", "\x00", "n"]:
    try:
        print(repr(spec), repr(format("abc", spec)))
    except Exception as e:
        print(repr(spec), type(e).__name__, e)
print("abc".__format__(""), "abc".__format__(">4"))
try:
    "abc".__format__(1)
except TypeError as e:
    print(e)
class S(str):
    pass
print(repr(format(S("sub"), "")), type(format(S("sub"), "")).__name__, type(format(S("sub"), "5")).__name__)
print(f"{'x':>3}|{'y'!r}|{'€'*2:^6}|{3.5:.2f}|{'abc':.{2}}|{'nested':{'>'}{8}}")
