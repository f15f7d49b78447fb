# tzinfo and timezone: the abstract base's errors and fromutc, timezone
# construction, names, repr/str, comparisons, hashing, the utc singleton,
# min/max, argument checks, __getinitargs__/__reduce__, and conversions
# between fixed zones with astimezone (local time is not printed).
import _datetime as D
from _datetime import datetime, date, time, timedelta, timezone, tzinfo


class FixedTZ(tzinfo):
    def __init__(self, minutes=0, name='FX', dst=0):
        self.off = timedelta(minutes=minutes)
        self.name = name
        self.d = timedelta(minutes=dst)
    def utcoffset(self, dt):
        return self.off
    def dst(self, dt):
        return self.d
    def tzname(self, dt):
        return self.name
    def __repr__(self):
        return 'FixedTZ(%d)' % (self.off // timedelta(minutes=1))


class Weird(tzinfo):
    def __init__(self, off, dst):
        self.off, self.d = off, dst
    def utcoffset(self, dt):
        return self.off
    def dst(self, dt):
        return self.d


class Flaky(tzinfo):
    """dst() answers None once a datetime has been moved."""
    def utcoffset(self, dt):
        return timedelta(hours=1)
    def dst(self, dt):
        return timedelta(0) if dt.hour == 0 else None


class WithState(tzinfo):
    def __init__(self, x=1):
        self.x = x


def t(src):
    try:
        r = eval(src, globals())
    except Exception as e:
        print(src, '!!', type(e).__name__, e)
    else:
        print(src, '->', repr(r))


utc = timezone.utc
est = timezone(timedelta(hours=-5), 'EST')
for src in [
    "type(tzinfo())", "tzinfo().tzname(None)", "tzinfo().utcoffset(None)", "tzinfo().dst(None)",
    "tzinfo().fromutc(datetime(2020, 1, 1))", "tzinfo().fromutc(1)", "tzinfo().__reduce__()",
    "WithState().__reduce__()", "WithState.__new__(WithState).__reduce__()", "type(tzinfo(1))",
    "FixedTZ(60).fromutc(datetime(2020, 1, 1, tzinfo=FixedTZ(60)))",
    "(lambda z: z.fromutc(datetime(2020, 1, 1, 12, tzinfo=z)))(FixedTZ(60, dst=30))",
    "(lambda z: z.fromutc(datetime(2020, 1, 1, tzinfo=z)))(Weird(None, None))",
    "(lambda z: z.fromutc(datetime(2020, 1, 1, tzinfo=z)))(Weird(timedelta(1 / 24), None))",
    "(lambda z: z.fromutc(datetime(2020, 1, 1, tzinfo=z)))(Weird(timedelta(1 / 24), 5))",
    "(lambda z: tzinfo.fromutc(z, datetime(2020, 1, 1, 0, tzinfo=z)))(Flaky())",
    "(lambda z: tzinfo.fromutc(z, datetime(2020, 1, 1, 23, tzinfo=z)))(Flaky())",
    "timezone(timedelta(0))", "timezone(timedelta(0)) is utc", "timezone(timedelta(0), 'UTC') is utc",
    "timezone(timedelta(0), 'UTC')", "timezone(timedelta(hours=5, minutes=30))", "timezone(-timedelta(hours=5, minutes=30))",
    "timezone(timedelta(seconds=1))", "timezone(timedelta(microseconds=-1))", "timezone(timedelta(hours=23, minutes=59, seconds=59, microseconds=999999))",
    "timezone(timedelta(hours=24))", "timezone(-timedelta(hours=24))", "timezone(timedelta(days=2))",
    "timezone(1)", "timezone(timedelta(0), 1)", "timezone(timedelta(0), None)", "timezone()", "timezone(offset=timedelta(hours=1), name='X')",
    "timezone(timedelta(hours=1), 'X', 1)", "timezone(timedelta(hours=1), b'X')",
    "timezone.utc", "timezone.min", "timezone.max", "D.UTC is timezone.utc", "str(utc)", "str(timezone.min)",
    "str(timezone.max)", "str(est)", "str(timezone(timedelta(hours=5, seconds=7)))",
    "str(timezone(timedelta(hours=-5, seconds=-7, microseconds=-8)))", "str(timezone(timedelta(0), ''))",
    "repr(est)", "repr(timezone(timedelta(hours=1)))", "repr(timezone(timedelta(0), 'Z'))",
    "utc.tzname(None)", "est.tzname(datetime(2020, 1, 1))", "est.tzname(1)", "est.tzname(date(2020, 1, 1))",
    "est.utcoffset(None)", "est.utcoffset(datetime(2020, 1, 1))", "est.utcoffset(1)", "est.utcoffset(time(1))",
    "est.dst(None)", "est.dst(1)", "est.dst(datetime(2020, 1, 1))", "est.tzname()",
    "est.fromutc(datetime(2020, 1, 1, tzinfo=est))", "est.fromutc(datetime(2020, 1, 1))", "est.fromutc(1)",
    "est.fromutc(datetime(2020, 1, 1, tzinfo=utc))", "utc.fromutc(datetime(1, 1, 1, tzinfo=utc))",
    "est.fromutc(datetime(1, 1, 1, tzinfo=est))",
    "est == timezone(timedelta(hours=-5))", "est != timezone(timedelta(hours=-5))", "est == utc", "est == 1",
    "est < est", "utc == FixedTZ(0)", "hash(est) == hash(timezone(timedelta(hours=-5)))",
    "hash(utc) == hash(timedelta(0))", "len({utc, timezone(timedelta(0), 'x'), est})",
    "est.__getinitargs__()", "utc.__getinitargs__()", "est.__reduce__()", "utc.__reduce__()",
    "timezone(*est.__reduce__()[1])", "isinstance(utc, tzinfo)", "issubclass(timezone, tzinfo)",
    "datetime(2020, 1, 1, 12, tzinfo=utc).astimezone(est)", "datetime(2020, 1, 1, 12, tzinfo=est).astimezone(utc)",
    "datetime(2020, 1, 1, 12, tzinfo=est).astimezone(est)", "datetime(2020, 1, 1, 12, tzinfo=est).astimezone(FixedTZ(90))",
    "datetime(2020, 1, 1, 12, tzinfo=FixedTZ(90)).astimezone(timezone(timedelta(minutes=-45)))",
    "datetime(2020, 1, 1, 12, tzinfo=utc).astimezone(1)", "datetime(1, 1, 1, tzinfo=timezone.max).astimezone(utc)",
    "datetime(9999, 12, 31, 23, tzinfo=timezone.min).astimezone(utc)",
    "datetime(2020, 1, 1, tzinfo=Weird(timedelta(hours=1), None)).astimezone(utc)",
    "datetime(2020, 1, 1, tzinfo=Weird(5, None)).astimezone(utc)",
    "datetime(2020, 1, 1, 12, tzinfo=utc).astimezone(tz=est)",
    "(lambda d: d.astimezone() is d)(datetime(2020, 1, 1, tzinfo=utc))",
    "type(datetime(2020, 1, 1, 12).astimezone().tzinfo).__name__", "type(datetime(2020, 1, 1, tzinfo=utc).astimezone()).__name__",
    "datetime(2020, 1, 1, 12).astimezone(utc).tzinfo", "datetime(2020, 1, 1, 12, tzinfo=utc).astimezone().astimezone(utc)",
    "datetime(2020, 6, 1, 12, tzinfo=est).astimezone().astimezone(est)",
    "datetime(2020, 1, 1, tzinfo=FixedTZ(60, 'A')).tzname()", "datetime(2020, 1, 1, tzinfo=Weird(None, 1)).tzname()",
    "datetime(2020, 1, 1, tzinfo=Weird(None, 1)).dst()", "datetime(2020, 1, 1, tzinfo=Weird(1, None)).utcoffset()",
    "datetime(2020, 1, 1, tzinfo=Weird(timedelta(days=1), None)).utcoffset()",
    "datetime(2020, 1, 1, tzinfo=Weird(timedelta(hours=-23, minutes=-59), None)).utcoffset()",
    "datetime(2020, 1, 1, tzinfo=FixedTZ(60, 5)).tzname()", "datetime(2020, 1, 1, tzinfo=FixedTZ(60, dst=30)).dst()",
    "datetime(2020, 1, 1, tzinfo=FixedTZ(60, 'x%y')).strftime('%Z|%z')",
]:
    t(src)

# Offsets from -24h to +24h in 97-minute steps: names, isoformat, round trips.
for m in range(-1439, 1440, 97):
    z = timezone(timedelta(minutes=m, seconds=m % 7))
    d = datetime(2020, 1, 1, 12, tzinfo=z)
    print(z.tzname(None), d.isoformat(), d.astimezone(utc).isoformat(), d.astimezone(utc) == d,
          hash(d) == hash(d.astimezone(utc)), d.strftime('%z'))
