class Ver:
    def __init__(self, *p): self.p = p
    def __eq__(self, o):
        return self.p == o.p if isinstance(o, Ver) else NotImplemented
    def __lt__(self, o):
        return self.p < o.p if isinstance(o, Ver) else NotImplemented
    def __le__(self, o):
        return self.p <= o.p if isinstance(o, Ver) else NotImplemented
    def __repr__(self): return "Ver%r" % (self.p,)
a, b = Ver(1, 2), Ver(1, 3)
print(a < b, a <= b, a > b, a >= b, a == b, a != b, b > a)
print(sorted([b, a, Ver(0)]), max(a, b), min(a, b))
print(a == 1, a != 1, 1 == a)
for expr in ["a < 1", "1 < a", "a >= 'x'", "object() < object()", "[] < ()", "None > 0", "1 < 'a'"]:
    try:
        eval(expr)
    except TypeError as e:
        print("TypeError:", e)
class Weird:
    def __eq__(self, o): return "truthy"
    def __bool__(self): return True
print(Weird() == 1, [Weird()] == [1], Weird() in [1])
class Falsy:
    def __eq__(self, o): return 0
print([Falsy()] == [Falsy()], Falsy() in [1])
x = Falsy()
print(x in [x], [x] == [x])
class BadBool:
    def __bool__(self): return "no"
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class CmpBadBool:
    def __eq__(self, o): return BadBool()
try:
    [CmpBadBool()] == [1]
except TypeError as e:
    print("TypeError:", e)
print(1 < 2 < 3, 3 > 2 > 2, (1, 2) < (1, 3), [1, Ver(1)] == [1, Ver(1)])
nan = float("nan")
print(nan == nan, [nan] == [nan], nan in [nan])
