# datetime: construction, fields, combine, date()/time()/timetz(), replace,
# arithmetic with timedelta and between datetimes (naive and aware),
# comparisons (naive vs aware, datetime vs date, PEP 495), hashing,
# isoformat/str/repr/ctime/strftime, UTC timestamps, pickling state.
import _datetime as D
from _datetime import datetime, date, time, timedelta, timezone, tzinfo


class FixedTZ(tzinfo):
    def __init__(self, minutes, name='FX'):
        self.off = timedelta(minutes=minutes)
        self.name = name
    def utcoffset(self, dt):
        return self.off
    def dst(self, dt):
        return timedelta(0)
    def tzname(self, dt):
        return self.name
    def __repr__(self):
        return 'FixedTZ(%d)' % (self.off // timedelta(minutes=1))


class NoneTZ(tzinfo):
    def utcoffset(self, dt):
        return None
    def dst(self, dt):
        return None
    def tzname(self, dt):
        return None


class FoldTZ(tzinfo):
    """UTC+1, except that 01:00-02:00 on 2020-10-25 is ambiguous: fold=0
    reads it as UTC+2, fold=1 as UTC+1."""
    def utcoffset(self, dt):
        if dt is not None and dt.replace(tzinfo=None, fold=0) >= datetime(2020, 10, 25, 1) and \
                dt.replace(tzinfo=None, fold=0) < datetime(2020, 10, 25, 2) and not dt.fold:
            return timedelta(hours=2)
        return timedelta(hours=1)
    def dst(self, dt):
        return timedelta(0)
    def tzname(self, dt):
        return 'F'


def t(src):
    try:
        r = eval(src, globals())
    except Exception as e:
        print(src, '!!', type(e).__name__, e)
    else:
        print(src, '->', repr(r))


utc = timezone.utc
est = timezone(timedelta(hours=-5), 'EST')
a = datetime(2020, 2, 29, 23, 59, 59, 999999)
for src in [
    "datetime(2020, 1, 2)", "datetime(2020, 1, 2, 3)", "datetime(2020, 1, 2, 3, 4)", "datetime(2020, 1, 2, 3, 4, 5)",
    "datetime(2020, 1, 2, 3, 4, 5, 6)", "datetime(2020, 1, 2, 3, 4, 5, 6, utc)", "datetime(2020, 1, 2, fold=1)",
    "datetime(2020, 1, 2, tzinfo=est, fold=1)", "datetime(2020, 1, 2, 0, 0, 1)", "datetime(2020, 1, 2, 0, 0, 0, 1)",
    "datetime(2020, 1, 2, 3, 4, 5, 6, 7)", "datetime(2020, 1, 2, 3, 4, 5, 6, None, 0)", "datetime(2020, 1, 2, 3, True)",
    "datetime(2020, 1, 2, 3, minute=4)", "datetime(2020, 1, 2, 3, 4, 5, 2**31)", "datetime(2020, 1, 2.0)",
    "datetime(2020, 1)", "datetime(2020, 2, 30)", "datetime(2020, 1, 1, 24)", "datetime(2020, 1, 1, 0, 60)",
    "datetime(2020, 1, 1, 0, 0, 60)", "datetime(2020, 1, 1, 0, 0, 0, 10**6)", "datetime(2020, 1, 1, fold=2)",
    "datetime(2020, 1, 1, tzinfo=1)", "datetime(0, 1, 1)", "datetime(2020, 1, 1, 1, 1, 1, 1, None, 1)",
    "datetime(b'\\x07\\xe4\\x01\\x02\\x03\\x04\\x05\\x00\\x00\\x06')", "datetime(b'\\x07\\xe4\\x81\\x02\\x03\\x04\\x05\\x00\\x00\\x06')",
    "datetime(b'\\x07\\xe4\\x01\\x02\\x03\\x04\\x05\\x00\\x00\\x06', utc)", "datetime(b'\\x07\\xe4\\x01\\x02\\x03\\x04\\x05\\x00\\x00\\x06', 2)",
    "datetime.min", "datetime.max", "datetime.resolution",
    "a.year, a.month, a.day, a.hour, a.minute, a.second, a.microsecond, a.tzinfo, a.fold",
    "a.date()", "a.time()", "datetime(2020, 1, 1, 5, tzinfo=est, fold=1).timetz()", "datetime(2020, 1, 1, 5, fold=1).time()",
    "datetime.combine(date(2020, 1, 2), time(3, 4, 5, 6))", "datetime.combine(date(2020, 1, 2), time(3, tzinfo=est))",
    "datetime.combine(date(2020, 1, 2), time(3, tzinfo=est), tzinfo=None)", "datetime.combine(date(2020, 1, 2), time(3), utc)",
    "datetime.combine(date(2020, 1, 2), time(3, fold=1))", "datetime.combine(a, time(1))", "datetime.combine(1, time(1))",
    "datetime.combine(date(2020, 1, 1), 1)", "datetime.combine(date=date(2020, 1, 1), time=time(1))",
    "a.replace(year=2021)", "a.replace(day=1, tzinfo=utc)", "a.replace(fold=1)", "a.replace(tzinfo=est).replace(tzinfo=None)",
    "a.replace(month=2, day=30)", "a.replace(hour=-1)", "a.replace(1, 2, 3, 4, 5, 6, 7, utc)",
    "a + timedelta(microseconds=1)", "a - timedelta(days=366)", "timedelta(hours=1) + a", "a + timedelta(-1, 1)",
    "datetime.max + timedelta(microseconds=1)", "datetime.min - timedelta(microseconds=1)", "datetime.max - datetime.min",
    "datetime.min - datetime.max", "a - datetime(2020, 1, 1)", "datetime(2020, 1, 1) - a", "a - date(2020, 1, 1)",
    "a + a", "a - 1", "1 - a", "timedelta(1) - a",
    "datetime(2020, 1, 1, 12, tzinfo=utc) - datetime(2020, 1, 1, 7, tzinfo=est)",
    "datetime(2020, 1, 1, 12, tzinfo=utc) - datetime(2020, 1, 1, 12)", "datetime(2020, 1, 1, 12) - datetime(2020, 1, 1, tzinfo=est)",
    "datetime(2020, 1, 1, tzinfo=NoneTZ()) - datetime(2020, 1, 1)", "datetime(2020, 1, 1, tzinfo=NoneTZ()) - datetime(2020, 1, 1, tzinfo=NoneTZ())",
    "datetime(2020, 1, 1, tzinfo=FixedTZ(90)) - datetime(2020, 1, 1, tzinfo=FixedTZ(-30))",
    "datetime(2020, 1, 1, 12, tzinfo=est) + timedelta(hours=1)",
    "a == a.replace()", "a < a + timedelta.resolution", "a == 1", "a != 1", "a < 1", "a == date(2020, 2, 29)",
    "a != date(2020, 2, 29)", "a < date(2020, 2, 29)", "a >= date(2020, 2, 29)",
    "datetime(2020, 1, 1, 12, tzinfo=utc) == datetime(2020, 1, 1, 7, tzinfo=est)",
    "datetime(2020, 1, 1, 12, tzinfo=utc) < datetime(2020, 1, 1, 7, 0, 1, tzinfo=est)",
    "datetime(2020, 1, 1) == datetime(2020, 1, 1, tzinfo=utc)", "datetime(2020, 1, 1) != datetime(2020, 1, 1, tzinfo=utc)",
    "datetime(2020, 1, 1) < datetime(2020, 1, 1, tzinfo=utc)", "datetime(2020, 1, 1, tzinfo=NoneTZ()) == datetime(2020, 1, 1)",
    "datetime(2020, 1, 1, tzinfo=NoneTZ()) < datetime(2020, 1, 1, tzinfo=utc)",
    "datetime(2020, 10, 25, 1, 30, tzinfo=FoldTZ()).utcoffset()", "datetime(2020, 10, 25, 1, 30, fold=1, tzinfo=FoldTZ()).utcoffset()",
    "datetime(2020, 10, 25, 1, 30, tzinfo=FoldTZ()) == datetime(2020, 10, 24, 23, 30, tzinfo=utc)",
    "datetime(2020, 10, 25, 1, 30, fold=1, tzinfo=FoldTZ()) == datetime(2020, 10, 25, 0, 30, tzinfo=utc)",
    "datetime(2020, 10, 25, 1, 30, fold=1, tzinfo=FoldTZ()) > datetime(2020, 10, 25, 0, 29, tzinfo=utc)",
    "datetime(2020, 10, 25, 3, 30, tzinfo=FoldTZ()) == datetime(2020, 10, 25, 2, 30, tzinfo=utc)",
    "datetime(2020, 10, 25, 1, 30, tzinfo=FoldTZ()) == datetime(2020, 10, 25, 1, 30, fold=1, tzinfo=FoldTZ())",
    "hash(datetime(2020, 1, 1, 12, tzinfo=utc)) == hash(datetime(2020, 1, 1, 7, tzinfo=est))",
    "hash(datetime(2020, 1, 1, 12, tzinfo=utc))", "hash(datetime(2020, 1, 1, 12, tzinfo=FixedTZ(61)))",
    "hash(datetime(2020, 1, 1, fold=1)) == hash(datetime(2020, 1, 1))",
    "hash(datetime(2020, 10, 25, 1, 30, fold=1, tzinfo=FoldTZ())) == hash(datetime(2020, 10, 25, 1, 30, tzinfo=FoldTZ()))",
    "len({datetime(2020, 1, 1), datetime(2020, 1, 1, 0), date(2020, 1, 1)})",
    "a.isoformat()", "a.isoformat(' ')", "a.isoformat(sep='x')", "a.isoformat('\u00e9')", "a.isoformat('ab')",
    "a.isoformat(1)", "a.isoformat(timespec='hours')", "a.isoformat('T', 'minutes')", "a.isoformat(timespec='seconds')",
    "a.isoformat(timespec='milliseconds')", "a.isoformat(timespec='microseconds')", "a.isoformat(timespec='bad')",
    "a.isoformat(timespec=None)", "datetime(2020, 1, 1).isoformat()", "str(a)", "str(datetime(1, 1, 1, tzinfo=est))",
    "datetime(2020, 1, 1, tzinfo=FixedTZ(-1)).isoformat()", "datetime(2020, 1, 1, tzinfo=timezone(timedelta(seconds=-1))).isoformat()",
    "datetime(2020, 1, 1, tzinfo=timezone(timedelta(microseconds=1))).isoformat()",
    "repr(datetime(2020, 1, 1, tzinfo=est, fold=1))", "repr(datetime(2020, 1, 1, 0, 0, 5, fold=1))",
    "a.ctime()", "datetime(2020, 1, 5, 6, 7, 8).ctime()",
    "a.strftime('%Y-%m-%d %H:%M:%S.%f %z %Z %a %j')", "datetime(2020, 1, 1, tzinfo=est).strftime('%z %Z %%z')",
    "datetime(2020, 1, 1, tzinfo=timezone(timedelta(hours=5, seconds=7, microseconds=8))).strftime('%z')",
    "datetime(2020, 1, 1, tzinfo=NoneTZ()).strftime('[%z][%Z]')", "format(a, '%H:%M')", "format(a, '')",
    "datetime(2020, 1, 1, tzinfo=utc).timestamp()", "datetime(1970, 1, 1, tzinfo=est).timestamp()",
    "datetime(1, 1, 1, tzinfo=utc).timestamp()", "datetime(9999, 12, 31, 23, 59, 59, 999999, tzinfo=utc).timestamp()",
    "datetime(2020, 1, 1, tzinfo=NoneTZ()).timestamp()",
    "datetime.utcfromtimestamp(0)", "datetime.utcfromtimestamp(1.5)", "datetime.utcfromtimestamp(-1.5)",
    "datetime.utcfromtimestamp(1e9 + 0.0000005)", "datetime.utcfromtimestamp(1e9 + 0.0000015)",
    "datetime.utcfromtimestamp(0.9999996)", "datetime.utcfromtimestamp(-0.0000004)", "datetime.utcfromtimestamp(1234567890)",
    "datetime.utcfromtimestamp(float('nan'))", "datetime.utcfromtimestamp(1e20)", "datetime.utcfromtimestamp('0')",
    "datetime.utcfromtimestamp(-62135596800)", "datetime.utcfromtimestamp(-62135596801)", "datetime.utcfromtimestamp(253402300800)",
    "datetime.fromtimestamp(0, utc)", "datetime.fromtimestamp(1.25, tz=est)", "datetime.fromtimestamp(0, FixedTZ(30))",
    "datetime.fromtimestamp(0, 1)", "datetime.fromtimestamp(timestamp=86400, tz=utc)", "datetime.fromtimestamp()",
    "datetime.fromtimestamp(0, utc, 1)", "datetime.fromtimestamp(0, NoneTZ())",
    "type(datetime.now()).__name__", "datetime.now(utc).tzinfo", "datetime.now(est).tzinfo", "datetime.now(1)",
    "type(datetime.utcnow()).__name__", "datetime.utcnow().tzinfo", "type(datetime.today()).__name__",
    "(datetime.now(utc) - datetime.now(utc)) < timedelta(seconds=5)",
    "abs(datetime.utcnow() - datetime.now(utc).replace(tzinfo=None)) < timedelta(seconds=5)",
    "abs(datetime.fromtimestamp(datetime.now().timestamp()) - datetime.now()) < timedelta(seconds=5)",
    "datetime.fromordinal(737790)", "datetime.fromisocalendar(2020, 1, 1)", "datetime(2020, 1, 2).toordinal()",
    "datetime(2020, 1, 2).isocalendar()", "datetime(2020, 1, 2, 3).weekday()",
    "a.__reduce__()", "a.replace(fold=1).__reduce__()", "a.replace(fold=1).__reduce_ex__(4)",
    "a.replace(tzinfo=utc).__reduce_ex__(2)", "datetime(*a.replace(fold=1, tzinfo=est).__reduce_ex__(4)[1])",
    "datetime.strptime(1, '%Y')", "datetime.strptime('2020')",
]:
    t(src)
