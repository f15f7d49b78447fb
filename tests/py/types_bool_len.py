class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
print(bool(L(0)), bool(L(3)), len(L(5)), not L(0))
class B:
    def __bool__(self): return False
    def __len__(self): return 10
print(bool(B()), len(B()))
class Neg:
    def __len__(self): return -1
try:
    len(Neg())
except ValueError as e:
    print("ValueError:", e)
try:
    bool(Neg())
except ValueError as e:
    print("ValueError:", e)
class Huge:
    def __len__(self): return 2 ** 100
try:
    len(Huge())
except OverflowError as e:
    print("OverflowError:", e)
class StrLen:
    def __len__(self): return "3"
try:
    len(StrLen())
except TypeError as e:
    print("TypeError:", e)
class BoolInt:
    def __bool__(self): return 1
try:
    bool(BoolInt())
except TypeError as e:
    print("TypeError:", e)
for v in [1, object(), None, len]:
    try:
        len(v)
    except TypeError as e:
        print("TypeError:", e)
print(bool(object()), bool(None), bool(NotImplemented) if False else "skip", bool(0.0), bool(""), bool([0]))
class IndexLen:
    def __len__(self):
        class I:
            def __index__(self): return 4
        return I()
print(len(IndexLen()))
if L(2):
    print("truthy L")
while L(0):
    pass
print("done", L(1) and "and", L(0) or "or")
