# math: constants, elementary float functions on special values, argument
# conversion (int, float, __float__, __index__), rounding hooks, and the
# exceptions with their messages.
import math

inf = float('inf')
nan = float('nan')

def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)
    return repr(r)

print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf)
print(type(math.pi), math.isnan(math.nan), math.isinf(math.inf))

specials = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 1e-310, -1e-310, 5e-324,
            1e308, -1e308, 1.7976931348623157e308, inf, -inf, nan, 3, -3, 10**20,
            True, 0.1, 1e-20, 170.5, 710.0, -745.5, 0.9999999, 1e16]

one = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cbrt', 'ceil', 'cos', 'cosh',
       'degrees', 'erf', 'erfc', 'exp', 'exp2', 'expm1', 'fabs', 'floor', 'frexp',
       'isfinite', 'isinf', 'isnan', 'log', 'log10', 'log1p', 'log2', 'modf', 'radians',
       'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'trunc', 'ulp']
for name in one:
    f = getattr(math, name)
    print(name, ' '.join(show(f, v) for v in specials))

two = ['atan2', 'copysign', 'fmod', 'pow', 'remainder', 'nextafter', 'log']
sv = [0.0, -0.0, 1.0, -1.0, 0.5, -2.0, 2.5, 1e-310, 1e308, inf, -inf, nan, 3, 10**20]
for name in two:
    f = getattr(math, name)
    print(name)
    for x in sv:
        print('  ', ' '.join(show(f, x, y) for y in sv))

# pow's C99 special cases
for x, y in [(0.0, -1.0), (-0.0, -1.0), (0.0, -inf), (-1.0, inf), (-1.0, -inf), (1.0, nan),
             (nan, 0.0), (-2.0, 0.5), (10.0, 400.0), (-10.0, 401.0), (10.0, -400.0),
             (inf, -3.0), (-inf, -3.0), (-inf, 3.0), (-inf, 2.0), (0.5, inf), (2.0, -inf)]:
    print('pow', x, y, show(math.pow, x, y))

# ldexp, frexp, modf
for x, i in [(1.0, 1024), (1.0, 1023), (1.0, -1074), (1.0, -1075), (0.5, 10**30),
             (0.5, -10**30), (-0.0, 5), (inf, -5), (nan, 3), (3, 2), (1.0, True)]:
    print('ldexp', x, i, show(math.ldexp, x, i))
print(show(math.ldexp, 1.0, 1.5), show(math.ldexp, 1.0, '2'), show(math.ldexp, 'x', 2))
print(show(math.ldexp, 0.0, 10**30), show(math.ldexp, 1.0))
for x in [0.0, -0.0, 1.0, 3.5, -1e300, 5e-324, inf, -inf, nan, 10**300]:
    print('frexp', show(math.frexp, x), 'modf', show(math.modf, x))

# logarithms of huge and tiny ints, and bases
print(math.log(10**1000), math.log10(10**1000), math.log2(2**10000), math.log(2**10000, 2))
print(math.log(10**400, 10), math.log(8, 2), math.log(100, 10), math.log(1 << 1100))
for args in [(0,), (-1,), (-10**400,), (0.0,), (-0.5,), (2, 1), (2, 0), (2, -1), (2, 0.0),
             (1, 1), ('x',), (10, 'y')]:
    print('log', args, show(math.log, *args))
print(show(math.log10, 0), show(math.log2, -2**2000), show(math.log1p, -1), show(math.log1p, -2))

# ints of any size go in exactly
print(math.floor(10**100) == 10**100, math.ceil(-10**100) == -10**100, math.trunc(10**50))
print(show(math.sqrt, 10**400), show(math.exp, 10**400), show(math.fabs, -10**300))
print(math.sqrt(2**1000), math.fabs(-(2**1000)))

# __float__, __index__ and the rounding hooks
class F:
    def __float__(self):
        return 2.25
class I:
    def __index__(self):
        return 7
class BadF:
    def __float__(self):
        return 'x'
class R:
    def __ceil__(self):
        return 'ceil!'
    def __floor__(self):
        return 'floor!'
    def __trunc__(self):
        return 'trunc!'
class FloatSub(float):
    def __floor__(self):
        return 'sub floor'
print(math.sqrt(F()), math.sqrt(I()), math.floor(F()), math.ceil(I()), show(math.sqrt, BadF()))
print(math.ceil(R()), math.floor(R()), math.trunc(R()), math.floor(FloatSub(2.5)))
print(show(math.trunc, F()), show(math.trunc, 'x'), show(math.floor, 'x'), show(math.ceil, None))
print(math.trunc(2.9), math.trunc(-2.9), math.floor(-0.5), math.ceil(-0.5), math.ceil(2), math.floor(True))
print(show(math.floor, inf), show(math.ceil, -inf), show(math.floor, nan), show(math.trunc, nan))
print(show(math.sqrt, 'x'), show(math.sin, None), show(math.exp, [1]), show(math.fabs, 1j))

# isclose
for a, b, kw in [(1.0, 1.0 + 1e-10, {}), (1.0, 1.1, {}), (1.0, 1.1, {'rel_tol': 0.2}),
                 (0.0, 1e-10, {}), (0.0, 1e-10, {'abs_tol': 1e-9}), (inf, inf, {}),
                 (inf, -inf, {}), (inf, 1e308, {'rel_tol': 1.0}), (nan, nan, {}),
                 (1, 1, {}), (10**20, 10**20 + 1, {})]:
    print('isclose', a, b, kw, math.isclose(a, b, **kw))
print(show(math.isclose, 1, 2, rel_tol=-1), show(math.isclose, 1, 2, abs_tol=-0.1))
print(show(math.isclose, 1, 2, 3), show(math.isclose, 1), show(math.isclose, a=1, b=1.0))
print(show(math.isclose, 1, 2, foo=3), show(math.isclose, 'a', 1))

# nextafter and ulp
for x, y in [(1.0, 2.0), (1.0, 0.0), (0.0, 1.0), (0.0, -1.0), (-0.0, 0.0), (5e-324, 0.0),
             (1.7976931348623157e308, inf), (inf, 0.0), (nan, 1.0), (2, 3)]:
    print('nextafter', x, y, math.nextafter(x, y))
for x in [1.0, 0.0, -0.0, 5e-324, 1e300, 1.7976931348623157e308, -1.0, inf, nan, 2**60]:
    print('ulp', x, math.ulp(x))

# argument counts
print(show(math.sqrt), show(math.sqrt, 1, 2), show(math.pow, 1), show(math.atan2, 1, 2, 3))
print(show(math.log), show(math.log, 1, 2, 3), show(math.hypot, x=1), show(math.sqrt, x=4))
print(show(math.copysign, 1), show(math.fmod, 1, 2, 3), show(math.remainder), show(math.ldexp, 1, 2, 3))
print(show(math.nextafter, 1), show(math.gcd, a=1), show(math.degrees), show(math.frexp, 1, 2))
print(math.degrees(math.pi), math.radians(180), math.degrees(1), math.radians(1))
print(math.copysign(1, -0.0), math.copysign(-3, 0.0), math.copysign(nan, -1), math.fmod(-7, 3), math.remainder(7, 4))
print(math.__name__, math.sqrt.__name__, type(math.sqrt).__name__)
