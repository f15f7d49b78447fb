# math: the exact integer functions (gcd, lcm, isqrt, factorial, comb,
# perm) and prod, on small and huge ints, with their errors.
import math

def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)
    return repr(r)

class I:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v

# gcd and lcm
for args in [(), (0,), (5,), (-5,), (0, 0), (12, 18), (-12, 18), (12, -18), (1, 10**30),
             (2**100, 2**80 * 3), (3, 5, 7), (10**30, 10**20, 10**25), (0, -7), (4, 6, 8),
             (True, 4), (6, 10, 15)]:
    print('gcd/lcm', args, math.gcd(*args), math.lcm(*args))
print(math.gcd(I(12), 8), math.lcm(I(12), 8), math.gcd(I(-12)), math.lcm(I(-12)))
print(show(math.gcd, 1.0), show(math.gcd, 1, 2.5), show(math.lcm, 'x'), show(math.lcm, 0, 1.5))
print(show(math.gcd, 1, 1.5), show(math.lcm, 2, 3, None))

# isqrt
for n in [0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 2**52, 2**53 + 1, 2**64 - 1, 2**64, 2**64 + 1,
          10**30, 10**100, 3**500, 7**1000, True]:
    r = math.isqrt(n)
    print('isqrt', r, r * r <= n < (r + 1) ** 2)
print(math.isqrt(I(50)))
for k in [10, 60, 61, 62, 63, 64, 65, 127, 128, 129, 500]:
    n = 2**k
    print('isqrt edges', k, [math.isqrt(v) for v in (n - 1, n, n + 1)] == [math.isqrt(n - 1), math.isqrt(n), math.isqrt(n + 1)],
          math.isqrt(n * n - 1) == n - 1, math.isqrt(n * n) == n)
print(math.isqrt(10**2001) // 10**990)
print(show(math.isqrt, -1), show(math.isqrt, 1.5), show(math.isqrt, '4'), show(math.isqrt, -10**50))

# factorial
print([math.factorial(n) for n in range(25)])
print(math.factorial(100))
print(math.factorial(1000) % (10**9 + 7), math.factorial(3000).bit_length(), math.factorial(I(5)), math.factorial(True))
print(show(math.factorial, -1), show(math.factorial, 1.0), show(math.factorial, 10**20),
      show(math.factorial, -10**20), show(math.factorial, '5'))

# comb and perm
for n in list(range(0, 12)) + [20, 33, 60, 61, 62, 63, 64, 65, 67, 100, 1000, 2**64 + 5, 10**25]:
    row = []
    for k in [0, 1, 2, 3, 5, 10, 20, 30, 34, 35, 50, 68] + ([n // 2, n - 1, n, n + 1] if n < 2000 else []):
        if k >= 0:
            row.append((math.comb(n, k) % (2**61 - 1), math.perm(n, k) % (2**61 - 1)))
    print('comb/perm', n, row)
print(math.comb(3000, 1500) % (10**9 + 7), math.perm(3000, 1500) % (10**9 + 7), math.comb(10**6, 10))
print(math.comb(10**30, 3), math.perm(10**30, 3), math.comb(10**30, 10**30 - 2), math.perm(5), math.perm(5, None))
print(math.comb(I(10), I(3)), math.perm(I(10), 2), math.comb(True, True))
for args in [(-1, 1), (1, -1), (-1, -1), (1.0, 1), (1, 1.0), (10**30, 10**20), ('a', 1)]:
    print('comb', args, show(math.comb, *args))
for args in [(-1, 1), (1, -1), (-1,), (1.0,), (10**30, 10**20), (10**30, 10**40), (2, 'x'), (-1, None)]:
    print('perm', args, show(math.perm, *args))
print(show(math.comb, 1), show(math.comb, 1, 2, 3), show(math.perm), show(math.perm, 1, 2, 3))

# prod
print(math.prod([]), math.prod([], start=5), math.prod(range(1, 11)), math.prod([2, 3.5]),
      math.prod([1.5, 2]), math.prod(iter([3, 4]), start=0.5), math.prod([True, True]))
print(math.prod([2**40, 2**40, 2**40]), math.prod([-(2**62), 2]), math.prod([2**62, 2]), math.prod([3, 2**70]))
print(math.prod(['ab', 3]), math.prod([3], start='ab'), math.prod([[1], 2]), math.prod([2.0, 10**20, 3]))
print(math.prod([1, 2, 3.0, 4, 5]), math.prod([1.5, 2**70]), math.prod([2, 3], start=10**30))
print(math.prod([1, 2], start=True), math.prod([], start=True), math.prod([1.0, True]))
class M:
    def __mul__(self, other):
        return 'M*%r' % (other,)
    def __rmul__(self, other):
        return '%r*M' % (other,)
print(math.prod([2, M()]), math.prod([M(), 2]), math.prod([2.5, M()]))
print(show(math.prod), show(math.prod, 5), show(math.prod, [1], 2), show(math.prod, [1], begin=2))
print(show(math.prod, ['a', 'b']), show(math.prod, [None]))
