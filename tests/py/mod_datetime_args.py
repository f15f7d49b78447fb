# Argument handling of the datetime methods and class methods (counts,
# keywords, types: getargs' messages), and local-time conversions checked
# for consistency only (the zone of the machine running the test varies).
from _datetime import date, datetime, time, timedelta, timezone, tzinfo
def t(src):
    try: r = eval(src)
    except Exception as e: print(src, '!!', type(e).__name__, e)
    else: print(src, '->', repr(r))
for s in ["date(1,1,1).replace(1,2,3,4)", "time().replace(1,2,3,4,None,0)", "datetime(1,1,1).replace(1,2,3,4,5,6,7,None,0)",
 "datetime(1,1,1).replace(x=1)", "date(1,1,1).replace(year='a')", "date(1,1,1).replace(year=2**40)", "datetime(1,1,1).isoformat('T', 'auto', 1)",
 "datetime(1,1,1).isoformat(x=1)", "time().isoformat('auto', 1)", "date.fromisocalendar(2020, 1)", "date.fromisocalendar(2020, 1, 1, 1)",
 "date.fromisocalendar(2020, 1, x=1)", "date.fromisocalendar(2020, 1, 1, x=1)", "datetime.now(None, 1)", "datetime.now(x=1)",
 "datetime.fromtimestamp()", "datetime.fromtimestamp(1, 2, 3)", "datetime.fromtimestamp(x=1)", "datetime(1,1,1).astimezone(1, 2)",
 "datetime(1,1,1).astimezone(x=1)", "date(1,1,1).strftime('a', 'b')", "date(1,1,1).strftime(fmt='a')", "time().strftime()",
 "datetime.combine()", "datetime.combine(1,2,3,4)", "datetime.utcfromtimestamp()", "date.fromordinal()", "date(1,1,1).__reduce_ex__()",
 "date(1,1,1).replace(day=1.5)", "time(1).replace(fold=True)", "datetime.fromisoformat()", "datetime(1,1,1).timetuple(1)",
 "timedelta(1).total_seconds(1)", "timezone.utc.utcoffset()", "datetime(1,1,1).__reduce_ex__('x')", "date.today(1)", "datetime.utcnow(1)",
 "datetime(1,1,1).replace(year=2, year2=3)", "datetime.fromisocalendar(2020,1,1)", "type(date(1,1,1).isocalendar())()", "date(1,1,1).__format__()", "date(1,1,1).__format__(1)",
 "time().__format__('a', 'b')", "datetime(1,1,1).__format__(fmt='')",
]:
    t(s)

# Local time: results depend on the machine's zone, so only their
# consistency is printed.
for ts in [0, 1e9, 1234567890.5, 1600000000, 1700000000.25, -86400 * 365, 2e9]:
    d = datetime.fromtimestamp(ts)
    print(ts, d.timestamp() == ts, d.tzinfo, type(d.fold).__name__,
          date.fromtimestamp(ts) == d.date(),
          d.astimezone(timezone.utc) == datetime.fromtimestamp(ts, timezone.utc),
          datetime.fromtimestamp(ts, timezone.utc).astimezone().replace(tzinfo=None) == d,
          d.astimezone().utcoffset() is not None, d.astimezone().tzinfo.utcoffset(None) == d.astimezone().utcoffset())
local = datetime(2020, 6, 1, 12).astimezone()
print(type(local.tzinfo).__name__, local.replace(tzinfo=None) == datetime(2020, 6, 1, 12),
      isinstance(local.tzname(), str), local.astimezone(timezone.utc).astimezone(local.tzinfo) == local)
print(datetime(2020, 6, 1, 12, fold=1).timestamp() - datetime(2020, 6, 1, 12).timestamp() in (0.0, 3600.0, -3600.0))
print(abs(datetime.now().timestamp() - datetime.now(timezone.utc).timestamp()) < 5)
print(abs(datetime.now() - datetime.fromtimestamp(datetime.now(timezone.utc).timestamp())) < timedelta(seconds=5))
print(date.today() - datetime.now().date() in (timedelta(0), timedelta(-1)))

# Hashes that depend only on PYTHONHASHSEED (fixed by the test runner) or
# on nothing at all.
print(hash(date(2020, 1, 1)), hash(datetime(2020, 1, 1, 2, 3, 4, 5)), hash(time(1, 2, 3, 4)),
      hash(timedelta(1, 2, 3)), hash(timezone.utc), hash(datetime(2020, 1, 1, tzinfo=timezone.utc)),
      hash(time(1, tzinfo=timezone(timedelta(hours=1)))))
for src in ["time().__reduce_ex__()", "time().__reduce_ex__('x')", "datetime(1, 1, 1).__reduce_ex__()",
            "datetime(1, 1, 1).__reduce_ex__(2, 3)", "time().__reduce_ex__(True)"]:
    t(src)
