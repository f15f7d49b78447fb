class V:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return "V%r" % (self.c,)
    def __add__(self, o):
        if isinstance(o, V):
            return V(*(a + b for a, b in zip(self.c, o.c)))
        if isinstance(o, int):
            return V(*(a + o for a in self.c))
        return NotImplemented
    def __radd__(self, o):
        print("radd", o)
        return self + o
    def __mul__(self, k):
        return V(*(a * k for a in self.c))
    __rmul__ = __mul__
    def __neg__(self):
        return V(*(-a for a in self.c))
    def __abs__(self):
        return sum(a * a for a in self.c)
    def __eq__(self, o):
        return isinstance(o, V) and self.c == o.c
    def __lt__(self, o):
        return abs(self) < abs(o)
    def __matmul__(self, o):
        return sum(a * b for a, b in zip(self.c, o.c))
    def __pow__(self, n, mod=None):
        return ("pow", n, mod)
    def __rpow__(self, n):
        return ("rpow", n)
    def __truediv__(self, o): return ("truediv", o)
    def __floordiv__(self, o): return ("floordiv", o)
    def __mod__(self, o): return ("mod", o)
    def __divmod__(self, o): return ("divmod", o)
    def __lshift__(self, o): return ("lshift", o)
    def __rshift__(self, o): return ("rshift", o)
    def __and__(self, o): return ("and", o)
    def __or__(self, o): return ("or", o)
    def __xor__(self, o): return ("xor", o)
    def __invert__(self): return "invert"
    def __pos__(self): return "pos"
    def __sub__(self, o): return ("sub", o)
    def __rsub__(self, o): return ("rsub", o)

a, b = V(1, 2), V(3, 4)
print(a + b, a + 1, 1 + a, a * 3, 3 * a, -a, abs(b))
print(a == V(1, 2), a != V(1, 2), a == b, a < b, a > b, b > a)
print(a @ b, a ** 2, pow(a, 2, 5), 2 ** a)
print(a / 1, a // 1, a % 1, divmod(a, 1), a << 1, a >> 1, a & 1, a | 1, a ^ 1, ~a, +a)
print(a - 1, 1 - a)
print(sorted([b, a]))
for expr in ["a + 'x'", "'x' + a", "a < 1", "a @ 1", "[] - a", "a ** 'x'"]:
    try:
        print(eval(expr))
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
try:
    pow(1, 2, a)
except TypeError as e:
    print("TypeError:", e)
