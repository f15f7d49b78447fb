# timedelta: construction and normalisation (ints, floats, round-half-even),
# arithmetic with ints and floats, //, %, divmod, comparisons, hashing,
# repr/str, class constants and the error messages.
# (Imports _datetime directly until the time and math modules exist.)
import _datetime as D
from _datetime import timedelta


def t(src):
    try:
        r = eval(src, globals())
    except Exception as e:
        print(src, '!!', type(e).__name__, e)
    else:
        print(src, '->', repr(r))


for src in [
    "timedelta()", "timedelta(1)", "timedelta(0, 1)", "timedelta(0, 0, 1)",
    "timedelta(days=1, seconds=2, microseconds=3, milliseconds=4, minutes=5, hours=6, weeks=7)",
    "timedelta(-1)", "timedelta(seconds=-1)", "timedelta(microseconds=-1)",
    "timedelta(seconds=86400)", "timedelta(seconds=86401)", "timedelta(microseconds=10**6)",
    "timedelta(hours=-25)", "timedelta(weeks=-1, days=8)",
    "timedelta(days=0.5)", "timedelta(days=1.5, seconds=0.5)", "timedelta(seconds=1e-6)",
    "timedelta(microseconds=0.5)", "timedelta(microseconds=1.5)", "timedelta(microseconds=2.5)",
    "timedelta(microseconds=-0.5)", "timedelta(microseconds=-1.5)", "timedelta(seconds=0.0000025)",
    "timedelta(seconds=0.0000035)", "timedelta(milliseconds=0.0015)", "timedelta(hours=1/3)",
    "timedelta(minutes=0.1, seconds=0.1, microseconds=0.1)", "timedelta(days=-0.25)",
    "timedelta(days=10**8)", "timedelta(days=999999999)", "timedelta(days=-999999999)",
    "timedelta(days=999999999, hours=24)", "timedelta(days=-999999999, seconds=-1)",
    "timedelta(days=10**10)", "timedelta(days=1e10)", "timedelta(microseconds=10**30)",
    "timedelta(days='x')", "timedelta(seconds=None)", "timedelta(weeks=[])",
    "timedelta(True)", "timedelta(1, 2, 3, 4, 5, 6, 7, 8)", "timedelta(foo=1)",
    "timedelta(days=float('nan'))", "timedelta(days=float('inf'))",
    "timedelta(1, days=2)", "timedelta(hours=2, days=1)", "timedelta(**{'weeks': 1, 'minutes': -1})",
    "timedelta(2**50)", "timedelta(2**50 + 1)", "timedelta(seconds=2**60)", "timedelta(-(2**50) - 1)",
    "timedelta(0, 0, 0, 0, 0, 0, 1)", "timedelta(*[1] * 7)", "timedelta(hours=True)", "timedelta(Days=1)",
    "timedelta.min", "timedelta.max", "timedelta.resolution",
    "timedelta(1, 2, 3).days", "timedelta(1, 2, 3).seconds", "timedelta(1, 2, 3).microseconds",
    "timedelta(-1, 2, 3).total_seconds()", "timedelta.max.total_seconds()",
    "timedelta(microseconds=1).total_seconds()", "timedelta(days=-5, microseconds=7).total_seconds()",
    # arithmetic
    "timedelta(1) + timedelta(0, 1)", "timedelta(1) - timedelta(0, 1)", "-timedelta(0, 1)",
    "+timedelta(0, 1)", "abs(timedelta(-1, 5))", "abs(timedelta(1, 5))",
    "timedelta(0, 1) * 3", "3 * timedelta(0, 1)", "timedelta(0, 1) * -3", "timedelta(1) * 0",
    "timedelta(0, 1) * 1.5", "1.5 * timedelta(0, 1)", "timedelta(0, 0, 1) * 0.5",
    "timedelta(0, 0, 3) * 0.5", "timedelta(0, 0, 1) * 1.5", "timedelta(0, 0, 5) * 0.1",
    "timedelta(1) * float('inf')", "timedelta(1) * float('nan')", "timedelta(1) * True",
    "timedelta(1) * 'a'", "timedelta(1) * timedelta(1)", "timedelta.max * 2",
    "timedelta(1) / timedelta(hours=1)", "timedelta(1) / 3", "timedelta(0, 0, 3) / 2",
    "timedelta(0, 0, 5) / 2", "timedelta(0, 0, -5) / 2", "timedelta(0, 0, 7) / -2",
    "timedelta(1) / 0.5", "timedelta(0, 0, 1) / 3.0", "timedelta(1) / 0", "timedelta(1) / 0.0",
    "timedelta(1) / timedelta(0)", "timedelta(1) / 'x'", "1 / timedelta(1)",
    "timedelta(1) // timedelta(hours=5)", "timedelta(1) // 7", "timedelta(-1) // 7",
    "timedelta(1) // timedelta(0)", "timedelta(1) // 0", "timedelta(1) // 1.5",
    "timedelta(1) % timedelta(hours=5)", "timedelta(-1) % timedelta(hours=5)",
    "timedelta(1) % timedelta(0)", "timedelta(1) % 5",
    "divmod(timedelta(1), timedelta(hours=5))", "divmod(timedelta(-1), timedelta(hours=7))",
    "divmod(timedelta(1), 5)", "timedelta(1) + 1", "1 - timedelta(1)",
    "timedelta.max + timedelta(0, 0, 1)", "timedelta.min - timedelta(0, 0, 1)", "-timedelta.min",
    # comparisons and hashing
    "timedelta(1) == timedelta(hours=24)", "timedelta(1) != timedelta(1)",
    "timedelta(1) < timedelta(1, 1)", "timedelta(0, 0, 1) > timedelta(0)",
    "timedelta(1) <= timedelta(1)", "timedelta(1) >= timedelta(2)", "timedelta(1) == 1",
    "timedelta(1) < 1", "hash(timedelta(1)) == hash(timedelta(hours=24))",
    "hash(timedelta(1, 2, 3))", "hash(timedelta(0))", "hash(timedelta(-1, 5, 7))",
    "bool(timedelta(0))", "bool(timedelta(0, 0, 1))",
    "{timedelta(1): 'a'}[timedelta(seconds=86400)]",
    # str and repr
    "str(timedelta(0))", "str(timedelta(1))", "str(timedelta(-1))", "str(timedelta(2, 3))",
    "str(timedelta(0, 3661, 5))", "str(timedelta(-2, 86399, 999999))", "str(timedelta.max)",
    "repr(timedelta(0, 1))", "repr(timedelta(0, 0, 1))", "repr(timedelta(-1, 0, 1))",
    "timedelta(1, 2, 3).__reduce__()", "timedelta.max.__reduce__()",
    "type(timedelta.max).__name__", "timedelta.__module__ if hasattr(timedelta, '__module__') else None",
]:
    t(src)

# rounding of float arguments agrees with CPython on a grid of values
vals = [0.1 * i for i in range(-20, 21)] + [1 / 3, 2 / 3, 1e-7, 5e-7, 1.5e-6, 2.5e-6]
for name in ['days', 'seconds', 'microseconds', 'milliseconds', 'minutes', 'hours', 'weeks']:
    print(name, [repr(timedelta(**{name: v})) for v in vals[::7]])
print(sum((timedelta(microseconds=v) for v in vals), timedelta()))
for a in [timedelta(0, 0, 7), timedelta(3, 5, 11), timedelta(-2, 1, 999999)]:
    for f in [0.25, 0.75, 1 / 3, -2.5, 1e-6, 12345.678]:
        print(a * f, a / f)
    for n in [1, 2, 3, -4, 7, 10**6]:
        print(a / n, a // n, a * n)
    for b in [timedelta(0, 1), timedelta(-1), timedelta(0, 0, 3)]:
        print(a / b, a // b, a % b, divmod(a, b))
