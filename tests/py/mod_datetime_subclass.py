# Subclasses of the datetime types made from Python: which operations hand
# back the subclass (through its constructor) and which the base type,
# reprs naming the subclass, extra attributes, custom __new__, pickling
# state, and the IsoCalendarDate type itself.
from _datetime import datetime, date, time, timedelta, timezone, tzinfo


class MyDate(date):
    extra = 'd'


class MyDT(datetime):
    def __new__(cls, *args, **kw):
        print('  MyDT.__new__', args, kw)
        return super().__new__(cls, *args, **kw)


class Quiet(datetime):
    pass


class MyTime(time):
    pass


class MyDelta(timedelta):
    def __repr__(self):
        return 'MyDelta<' + super().__repr__() + '>'


class MyTZ(tzinfo):
    def __init__(self, h=1):
        self.h = h
    def utcoffset(self, dt):
        return timedelta(hours=self.h)
    def dst(self, dt):
        return timedelta(0)
    def tzname(self, dt):
        return 'MY'
    def __getinitargs__(self):
        return (self.h,)


def t(src):
    try:
        r = eval(src, globals())
    except Exception as e:
        print(src, '!!', type(e).__name__, e)
    else:
        print(src, '->', type(r).__name__, repr(r))


d = MyDate(2020, 1, 2)
dt = MyDT(2020, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
for src in [
    "d", "d.extra", "d + timedelta(1)", "timedelta(1) + d", "d - timedelta(1)", "d - date(2020, 1, 1)",
    "d.replace(day=5)", "MyDate.fromordinal(5)", "MyDate.fromisoformat('2020-01-03')", "MyDate.fromisocalendar(2020, 1, 1)",
    "type(MyDate.today())", "type(MyDate.fromtimestamp(0))", "d == date(2020, 1, 2)", "hash(d) == hash(date(2020, 1, 2))",
    "d.__reduce__()", "MyDate(*d.__reduce__()[1])", "str(d)", "d.isoformat()", "d.ctime()",
    "dt", "dt + timedelta(1)", "dt - timedelta(1)", "dt - datetime(2020, 1, 1, tzinfo=timezone.utc)",
    "dt.replace(hour=7)", "dt.astimezone(timezone(timedelta(hours=2)))", "dt.astimezone(timezone.utc)",
    "MyDT.combine(date(2020, 1, 1), time(1, fold=1))", "MyDT.fromtimestamp(0, timezone.utc)",
    "MyDT.utcfromtimestamp(0)", "MyDT.fromordinal(3)", "MyDT.fromisoformat('2020-01-02T03:04')",
    "MyDT.fromisocalendar(2020, 2, 3)", "type(Quiet.now())", "type(Quiet.now(timezone.utc))", "type(Quiet.utcnow())", "type(Quiet.today())",
    "dt.date()", "dt.time()", "dt.timetz()", "dt.__reduce__()", "dt.__reduce_ex__(4)", "dt == datetime(2020, 1, 2, 3, 4, 5, tzinfo=timezone.utc)",
    "MyTime(1, 2)", "MyTime(1, 2).replace(minute=3)", "MyTime.fromisoformat('01:02:03')", "MyTime(1, 2).__reduce__()",
    "MyTime(1, 2) == time(1, 2)", "MyDelta(1)", "MyDelta(1) + timedelta(1)", "-MyDelta(1)", "abs(MyDelta(-1))",
    "MyDelta(1) * 2", "MyDelta(1) / 2", "MyDelta(1) // 2", "MyDelta(1) % timedelta(hours=5)", "+MyDelta(1)",
    "MyDelta(1).__reduce__()", "MyDelta(hours=1.5)", "MyTZ(2).__reduce__()", "datetime(2020, 1, 1, tzinfo=MyTZ(3)).isoformat()",
    "MyTZ(2).fromutc(datetime(2020, 1, 1, tzinfo=MyTZ(2)))",
    "type(date(2020, 1, 2).isocalendar())(2020, 5, 6)", "type(date(2020, 1, 2).isocalendar())(year=1, week=2, weekday=3)",
    "type(date(2020, 1, 2).isocalendar())(1, 2)", "type(date(2020, 1, 2).isocalendar()).__name__",
    "type(date(2020, 1, 2).isocalendar()).__module__",
]:
    t(src)
