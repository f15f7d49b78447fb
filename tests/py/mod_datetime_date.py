# date: construction and range errors, ordinals, weekdays, ISO calendar
# (IsoCalendarDate), fromisocalendar, replace, arithmetic with timedelta,
# comparisons, hashing, formatting (isoformat, ctime, strftime, format)
# and pickling state.
import _datetime as D
from _datetime import date, timedelta, datetime


def t(src):
    try:
        r = eval(src, globals())
    except Exception as e:
        print(src, '!!', type(e).__name__, e)
    else:
        print(src, '->', repr(r))


for src in [
    "date(2020, 1, 31)", "date(1, 1, 1)", "date(9999, 12, 31)", "date(year=2000, month=2, day=29)",
    "date(0, 1, 1)", "date(10000, 1, 1)", "date(-1, 1, 1)", "date(2020, 0, 1)", "date(2020, 13, 1)",
    "date(2021, 2, 29)", "date(2020, 2, 30)", "date(2020, 4, 31)", "date(2020, 1, 0)",
    "date('a', 1, 1)", "date(1.5, 1, 1)", "date(2020)", "date(2020, 1)", "date(2020, 1, 1, 1)",
    "date(2020, 1, day=1, month=2)", "date(2**31, 1, 1)", "date(2**63, 1, 1)", "date(-2**31 - 1, 1, 1)",
    "date(2020, 1, True)", "date(*[2020, 1, 2])", "date(2020, 1, day=2)", "date(2**40, 1, 1)",
    "date(1900, 2, 29)", "date(2000, 2, 29)", "date(b'\\x07\\xe4\\x02\\x1d')", "date(b'\\x07\\xe4\\x0d\\x1d')",
    "date('\\x07\\xe4\\x02\\x1d')", "date(b'abc')",
    "date.min", "date.max", "date.resolution", "date(2020, 5, 17).year", "date(2020, 5, 17).month",
    "date(2020, 5, 17).day", "D.MINYEAR", "D.MAXYEAR",
    "date(1, 1, 1).toordinal()", "date(2020, 3, 1).toordinal()", "date(9999, 12, 31).toordinal()",
    "date.fromordinal(1)", "date.fromordinal(737790)", "date.fromordinal(3652059)",
    "date.fromordinal(0)", "date.fromordinal(3652060)", "date.fromordinal(1.0)", "date.fromordinal('1')",
    "[date(2024, 1, d).weekday() for d in range(1, 8)]", "[date(2024, 1, d).isoweekday() for d in range(1, 8)]",
    "date(2020, 1, 1).isocalendar()", "date(2021, 1, 1).isocalendar()", "date(2019, 12, 30).isocalendar()",
    "date(2020, 12, 31).isocalendar()", "date(2026, 12, 31).isocalendar()", "date(1, 1, 1).isocalendar()",
    "date(9999, 12, 31).isocalendar()", "date(2020, 1, 1).isocalendar().week",
    "date(2020, 1, 1).isocalendar().year", "date(2020, 1, 1).isocalendar().weekday",
    "tuple(date(2020, 1, 1).isocalendar())", "date(2020, 1, 1).isocalendar()[1:]",
    "date(2020, 1, 1).isocalendar().__reduce__()", "type(date(2020, 1, 1).isocalendar()).__name__",
    "date(2020, 1, 1).isocalendar() == (2020, 1, 3)",
    "date.fromisocalendar(2020, 1, 1)", "date.fromisocalendar(2020, 53, 7)", "date.fromisocalendar(2021, 53, 1)",
    "date.fromisocalendar(2020, 0, 1)", "date.fromisocalendar(2020, 1, 0)", "date.fromisocalendar(2020, 1, 8)",
    "date.fromisocalendar(0, 1, 1)", "date.fromisocalendar(10000, 1, 1)", "date.fromisocalendar(9999, 52, 5)",
    "date.fromisocalendar(9999, 52, 6)", "date.fromisocalendar(1, 1, 1)", "date.fromisocalendar(2020, 1)",
    "date.fromisocalendar(year=2015, week=53, day=4)", "date.fromisocalendar(2020, '1', 1)",
    "date(2020, 1, 31).replace(month=2)", "date(2020, 1, 31).replace(day=30)", "date(2020, 1, 31).replace(2021)",
    "date(2020, 1, 31).replace(year=0)", "date(2020, 1, 31).replace(1, 2, 3, 4)", "date(2020, 1, 1).replace(foo=1)",
    "date(2020, 2, 29) + timedelta(1)", "timedelta(1) + date(2020, 2, 29)", "date(2020, 3, 1) - timedelta(1)",
    "date(2020, 1, 1) + timedelta(hours=47)", "date(2020, 1, 1) - timedelta(hours=1)",
    "date(2020, 1, 1) + timedelta(-1, 1)", "date(2021, 1, 1) - date(2020, 1, 1)", "date(2020, 1, 1) - date(2021, 1, 1)",
    "date.max + timedelta(1)", "date.min - timedelta(1)", "date.min + timedelta(-1)", "date(2020, 1, 1) + 1",
    "date(2020, 1, 1) - 1", "1 - date(2020, 1, 1)", "timedelta(1) - date(2020, 1, 1)", "date(2020, 1, 1) + date(2020, 1, 1)",
    "date(2020, 1, 1) == date(2020, 1, 1)", "date(2020, 1, 1) < date(2020, 1, 2)", "date(2020, 2, 1) > date(2020, 1, 31)",
    "date(2020, 1, 1) == 1", "date(2020, 1, 1) < 1", "date(2020, 1, 1) != 'x'",
    "date(2020, 1, 1) == datetime(2020, 1, 1)", "date(2020, 1, 1) < datetime(2020, 1, 1)",
    "datetime(2020, 1, 1) != date(2020, 1, 1)", "date(2020, 1, 1) >= datetime(2020, 1, 1)",
    "hash(date(2020, 1, 1)) == hash(date(2020, 1, 1))", "len({date(2020, 1, 1), date(2020, 1, 1), date(2020, 1, 2)})",
    "date(2020, 1, 1).isoformat()", "str(date(5, 6, 7))", "date(2002, 12, 4).ctime()", "date(2020, 1, 10).ctime()",
    "date(2020, 1, 2).strftime('%Y-%m-%d %H:%M:%S %j %a %A %b %B %w %y %%')",
    "date(2020, 1, 2).strftime('%z|%Z|%f|%')", "date(2020, 1, 2).strftime('')", "date(5, 1, 2).strftime('%Y')",
    "date(2020, 1, 2).strftime(format='%d')", "date(2020, 1, 2).strftime(1)", "date(2020, 1, 2).strftime()",
    "date(2020, 1, 2).strftime('\u00e9%d\u20ac')", "date(2020, 1, 2).strftime('%U %W %V %G %u')",
    "format(date(2020, 1, 2), '')", "format(date(2020, 1, 2), '%d/%m')", "f'{date(2020, 1, 2):%Y}'",
    "date(2020, 1, 2).__format__(1)", "format(date(2020, 1, 2), 1)",
    "date(2020, 1, 2).__reduce__()", "date(2020, 1, 2).__reduce_ex__(2)",
    "date(*date(2020, 1, 2).__reduce__()[1])", "repr(date(2020, 1, 2))",
    "date.fromtimestamp(float('nan'))", "date.fromtimestamp('1')", "date.fromtimestamp(1e300)",
    "date.fromtimestamp(10**30)", "type(date.today()).__name__", "type(date.fromtimestamp(0)).__name__",
    "date.fromisoformat('2020-01-02')", "date.fromisoformat('20200102')", "date.fromisoformat('2020-W01-2')",
    "date.fromisoformat('2020W012')", "date.fromisoformat('2020-W01')", "date.fromisoformat('2020W01')",
    "date.fromisoformat('2020-01-02T00:00')", "date.fromisoformat('2020-1-2')", "date.fromisoformat('2020-13-01')",
    "date.fromisoformat('0000-01-01')", "date.fromisoformat('')", "date.fromisoformat(1)",
    "date.fromisoformat('2020-01-0\\ud800')", "date.fromisoformat('20200101xx')", "date.fromisoformat('2020/01/01')",
    "date.fromisoformat('2020-W53-1')", "date.fromisoformat('2021-W53-1')", "date.fromisoformat('2020-W00-1')",
    "date.fromisoformat('2020-W01-0')", "date.fromisoformat('2020-W01-8')", "date.fromisoformat('2020-W011')",
]:
    t(src)

for y in (1, 4, 100, 400, 1600, 1900, 2000, 2019, 2020, 2021, 2100, 9999):
    for m in (1, 2, 3, 12):
        d = date(y, m, 1)
        print(d, d.toordinal(), d.weekday(), tuple(d.isocalendar()), d.ctime(), date.fromordinal(d.toordinal()) == d)
# round trips over a spread of ordinals
ok = True
for o in range(1, 3652059, 997):
    d = date.fromordinal(o)
    ic = d.isocalendar()
    if d.toordinal() != o or date.fromisocalendar(*ic) != d or date.fromisoformat(d.isoformat()) != d:
        ok = False
        print('mismatch', o, d, ic)
print('round trips', ok)
