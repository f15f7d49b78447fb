# time: construction, fold, tzinfo checks, replace, comparisons (naive and
# aware), hashing, isoformat with timespec, strftime (%z %Z %f), repr,
# fromisoformat and pickling state.
import _datetime as D
from _datetime import time, timedelta, timezone, tzinfo, datetime


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


class BadTZ(tzinfo):
    def __init__(self, value):
        self.value = value
    def utcoffset(self, dt):
        return self.value
    def dst(self, dt):
        return self.value
    def tzname(self, dt):
        return self.value


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
    "time()", "time(1)", "time(1, 2)", "time(1, 2, 3)", "time(1, 2, 3, 4)", "time(23, 59, 59, 999999)",
    "time(0, 0, 0, 1)", "time(0, 0, 1)", "time(12, tzinfo=utc)", "time(12, tzinfo=est, fold=1)",
    "time(12, fold=1)", "time(hour=3, minute=4, second=5, microsecond=6)",
    "time(24)", "time(-1)", "time(0, 60)", "time(0, 0, 60)", "time(0, 0, 0, 1000000)", "time(0, 0, 0, -1)",
    "time(fold=2)", "time(fold=-1)", "time(tzinfo=1)", "time(1, 2, 3, 4, 5)", "time('1')", "time(1.0)",
    "time(1, 2, 3, 4, None, 0)", "time(b'\\x01\\x02\\x03\\x00\\x00\\x04')",
    "time(b'\\x81\\x02\\x03\\x00\\x00\\x04')", "time(b'\\x01\\x02\\x03\\x00\\x00\\x04', utc)",
    "time(b'\\x01\\x02\\x03\\x00\\x00\\x04', 1)", "time(b'\\x18\\x02\\x03\\x00\\x00\\x04')",
    "time.min", "time.max", "time.resolution",
    "time(1, 2, 3, 4).hour", "time(1, 2, 3, 4).minute", "time(1, 2, 3, 4).second",
    "time(1, 2, 3, 4).microsecond", "time(1, 2, 3, 4).tzinfo", "time(1, 2, 3, 4, utc).tzinfo",
    "time(1, fold=1).fold", "bool(time())", "bool(time(0, tzinfo=FixedTZ(60)))",
    "time(1, 2).replace(minute=5)", "time(1, 2).replace(tzinfo=utc)", "time(1, 2, tzinfo=utc).replace(tzinfo=None)",
    "time(1, 2).replace(fold=1)", "time(1, 2).replace(hour=24)", "time(1, 2).replace(1, 2, 3, 4, utc)",
    "time(1, 2).replace(1, 2, 3, 4, utc, 1)", "time(1, 2).replace(fold=3)", "time(1, 2).replace(tzinfo=5)",
    "time(1, 2) == time(1, 2)", "time(1, 2) < time(1, 3)", "time(1, 2) == time(1, 2, fold=1)",
    "time(1, 2) == 1", "time(1, 2) != 1", "time(1) < 1", "time(12, tzinfo=utc) == time(7, tzinfo=est)",
    "time(12, tzinfo=utc) < time(8, tzinfo=est)", "time(12, tzinfo=utc) > time(6, 59, tzinfo=est)",
    "time(12) == time(12, tzinfo=utc)", "time(12) < time(12, tzinfo=utc)", "time(12) != time(12, tzinfo=utc)",
    "time(12, tzinfo=FixedTZ(60)) == time(11, tzinfo=utc)", "time(1, tzinfo=BadTZ(None)) == time(1)",
    "time(1, tzinfo=BadTZ(None)) < time(1, tzinfo=utc)",
    "hash(time(12, tzinfo=utc)) == hash(time(7, tzinfo=est))", "hash(time(1, 2, fold=1)) == hash(time(1, 2))",
    "hash(time(12, 30, tzinfo=FixedTZ(30))) == hash(time(12, tzinfo=utc))",
    "time(1, tzinfo=BadTZ(1)).utcoffset()", "time(1, tzinfo=BadTZ(timedelta(days=1))).utcoffset()",
    "time(1, tzinfo=BadTZ(timedelta(days=-1))).utcoffset()", "time(1, tzinfo=BadTZ(-timedelta(hours=23, minutes=59))).utcoffset()",
    "time(1, tzinfo=BadTZ(1)).dst()", "time(1, tzinfo=BadTZ(1)).tzname()", "time(1, tzinfo=BadTZ(None)).tzname()",
    "time(1, tzinfo=BadTZ(timedelta(seconds=30))).isoformat()", "time(1, tzinfo=BadTZ(timedelta(microseconds=-30))).isoformat()",
    "time(1, tzinfo=tzinfo()).utcoffset()", "time(1, tzinfo=tzinfo()).tzname()", "time(1, tzinfo=tzinfo()).dst()",
    "time(1, 2, 3).utcoffset()", "time(1, 2, 3, tzinfo=est).utcoffset()", "time(1, 2, 3, tzinfo=est).tzname()",
    "time(1, 2, 3, tzinfo=est).dst()",
    "time(1, 2, 3).isoformat()", "time(1, 2, 3, 4).isoformat()", "time(1, 2, 3, 4000).isoformat('milliseconds')",
    "time(1, 2, 3, 4).isoformat(timespec='hours')", "time(1, 2, 3, 4).isoformat(timespec='minutes')",
    "time(1, 2, 3, 4).isoformat(timespec='seconds')", "time(1, 2, 3, 4).isoformat(timespec='microseconds')",
    "time(1, 2, 3).isoformat(timespec='auto')", "time(1, 2, 3).isoformat(timespec='x')", "time(1).isoformat(timespec=1)",
    "time(1, 2, 3, tzinfo=est).isoformat()", "time(1, 2, 3, tzinfo=FixedTZ(330)).isoformat()",
    "str(time(1, 2, 3, 4, tzinfo=FixedTZ(-90)))", "time(1, 2, 3).isoformat(1, 2)",
    "time(1, 2, 3, 4, tzinfo=est).strftime('%H:%M:%S.%f %z %Z %Y-%m-%d %j %%f')",
    "time(1, 2, 3).strftime('%z|%Z|%f')", "time(1, 2, tzinfo=FixedTZ(0, 'A%B')).strftime('%Z')",
    "time(1, 2).strftime(5)", "format(time(1, 2), '%H')", "format(time(1, 2), '')",
    "repr(time(1, 2, 3, 4, tzinfo=est, fold=1))", "repr(time(0, 0, fold=1))", "repr(time(0, tzinfo=FixedTZ(5)))",
    "time(1, 2, 3, 4).__reduce__()", "time(1, 2, 3, 4, utc).__reduce__()", "time(1, 2, 3, 4, fold=1).__reduce__()",
    "time(1, 2, 3, 4, fold=1).__reduce_ex__(4)", "time(1, 2, 3, 4, fold=1).__reduce_ex__(3)",
    "time(*time(1, 2, 3, 4, est, fold=1).__reduce_ex__(4)[1])",
    "time.fromisoformat('01:02')", "time.fromisoformat('01:02:03')", "time.fromisoformat('01:02:03.4')",
    "time.fromisoformat('01:02:03.456789')", "time.fromisoformat('01:02:03.4567891234')", "time.fromisoformat('01:02:03,5')",
    "time.fromisoformat('010203')", "time.fromisoformat('0102')", "time.fromisoformat('01')", "time.fromisoformat('T01:02')",
    "time.fromisoformat('01:02+05:30')", "time.fromisoformat('01:02-05:30')", "time.fromisoformat('01:02Z')",
    "time.fromisoformat('01:02:03+0530')", "time.fromisoformat('01:02:03+05')", "time.fromisoformat('01:02:03+05:30:10.5')",
    "time.fromisoformat('01:02:03+00:00')", "time.fromisoformat('01:02:03-00:00')", "time.fromisoformat('01:02:03+24:00')",
    "time.fromisoformat('24:00')", "time.fromisoformat('01:60')", "time.fromisoformat('1:02')", "time.fromisoformat('01:02:')",
    "time.fromisoformat('01:02.5')", "time.fromisoformat('01:0203')", "time.fromisoformat('0102:03')",
    "time.fromisoformat('01:02:03:04')", "time.fromisoformat('01:02Zx')", "time.fromisoformat('01:02+')",
    "time.fromisoformat('')", "time.fromisoformat('T')", "time.fromisoformat(b'01:02')", "time.fromisoformat('01:02:03.')",
    "time.fromisoformat('01:02:03.x')", "time.fromisoformat('01\\ud80002')", "time.fromisoformat('01:02 ')",
    "time.fromisoformat('12:34:56.123456+01:00')",
]:
    t(src)
