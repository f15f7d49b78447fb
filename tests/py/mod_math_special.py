# math: gamma and lgamma (CPython computes these itself, so results must
# agree to the last bit), erf/erfc, and the accurate sums: fsum, hypot,
# dist, with their overflow, infinity and NaN rules.
import math

inf = float('inf')
nan = float('nan')

def show(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)
    return repr(r)

# A small deterministic generator, so the test needs no random module.
class Gen:
    def __init__(self, seed):
        self.s = seed
    def bits(self):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) % 2**64
        return self.s >> 11
    def uniform(self, a, b):
        return a + (b - a) * (self.bits() / 2.0**53)

g = Gen(2024)
xs = ([g.uniform(-30, 30) for _ in range(150)] + [g.uniform(0, 5) for _ in range(80)] +
      [g.uniform(-180, 172) for _ in range(120)] + [g.uniform(-1e-5, 1e-5) for _ in range(20)])
xs += [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 1e-20, -1e-20, 1e-25, 5e-324, 1e-310, 23.0, 24.0,
       22.5, 140.5, 141.0, 171.0, 171.7, 171.65, 200.0, 200.5, -200.5, 1000.0, -1000.5,
       4.999999, 5.0, 5.000001, 5.524680040776729, 5.52468004077673, 1.0, 2.0, 3.0,
       0.0, -0.0, -1.0, -2.0, -1e300, 1e300, inf, -inf, nan, 10**10, -(10**10)]
for x in xs:
    print(repr(x), show(math.gamma, x), show(math.lgamma, x))
print(math.gamma(3), math.lgamma(True), show(math.gamma, 'x'), show(math.lgamma, None))

for x in [0.0, -0.0, 0.1, 0.5, 1.0, 2.0, 3.5, 6.0, 27.0, 30.0, -1.0, -6.0, -30.0, inf, -inf, nan, 1e-300]:
    print('erf', repr(x), math.erf(x), math.erfc(x))

# fsum
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([]), math.fsum(iter([1, 2, 3])))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([2.0**53, -0.5, -2.0**-54]), math.fsum([2.0**53, 1.0, 2.0**-100]))
print(math.fsum([1, 1e100, 1, -1e100] * 1000), math.fsum([-0.0, -0.0]), math.fsum([-0.0]))
print(math.fsum([1.7976931348623157e308, -1.7976931348623157e308, 1.0]))
print(math.fsum(x / 7 for x in range(1000)), math.fsum([10**20, 1, -10**20]))
print(math.fsum([2**-1074] * 100))
for data in [[1e308, 1e308], [-1e308, -1e308, 1.0], [inf, 1.0], [-inf, 1e308], [inf, -inf],
             [nan, 1.0], [inf, nan], [inf, inf, 1e308, 1e308], [1e308, 1e308, inf],
             ['x'], [1, None], [10**400], 5]:
    print('fsum', show(math.fsum, data))
def gen_error():
    yield 1.0
    raise KeyError('boom')
print(show(math.fsum, gen_error()))
g = Gen(7)
for _ in range(40):
    n = int(g.uniform(1, 40))
    data = [g.uniform(-1, 1) * 10 ** int(g.uniform(-30, 30)) for _ in range(n)]
    print(math.fsum(data), math.fsum(data + [-d for d in data]))
# many partials (more than fit on the stack)
print(math.fsum([2.0 ** (i * 30) for i in range(-34, 34)] + [-2.0 ** (i * 30) for i in range(-34, 34, 2)]))

# hypot and dist
print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(3, 4, 12), math.hypot(1.5, 2, 2.5))
print(math.hypot(1e308, 1e308), math.hypot(5e-324, 5e-324), math.hypot(1e-310, 3e-310, 2e-310))
print(math.hypot(inf, nan), math.hypot(nan, 1.0), math.hypot(-inf, 1), math.hypot(0.0, -0.0))
print(math.hypot(*range(30)), math.hypot(*[0.1] * 17), math.hypot(10**20, 1), math.hypot(True, 2))
print(show(math.hypot, 'x'), show(math.hypot, 1, None), show(math.hypot, 10**400))
g = Gen(99)
for _ in range(60):
    n = int(g.uniform(2, 9))
    p = [g.uniform(-1, 1) * 10 ** int(g.uniform(-8, 8)) for _ in range(n)]
    q = [g.uniform(-1000, 1000) for _ in range(n)]
    print(math.hypot(*p), math.dist(p, q), math.dist(tuple(p), q))
print(math.dist((1, 2), (4, 6)), math.dist([], []), math.dist(iter([1.0]), [4]), math.dist((1e308,), (-1e308,)))
print(show(math.dist, (1,), (1, 2)), show(math.dist, 1, 2), show(math.dist, 'ab', 'cd'))
print(show(math.dist, (1,)), show(math.dist, (1,), (2,), (3,)), show(math.dist, (inf,), (inf,)), math.dist((nan,), (1,)))
