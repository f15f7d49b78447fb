# The standard library's datetime module over _datetime: `from _datetime
# import *` replaces the pure-Python classes, so everything below runs on
# the C types; timetuple()/utctimetuple() build time.struct_time, and
# strptime() checks its arguments before importing _strptime (which needs
# _thread, not there yet).
import datetime
import _datetime
from datetime import date, datetime as dt, time, timedelta, timezone, tzinfo

print(datetime.date is _datetime.date, datetime.datetime is _datetime.datetime,
      datetime.timezone.utc is _datetime.UTC, datetime.UTC is timezone.utc)
print(type(datetime.datetime_CAPI).__name__, datetime.MINYEAR, datetime.MAXYEAR)
print(sorted(n for n in dir(datetime) if not n.startswith('__')))


def t(src):
    try:
        r = eval(src, globals())
    except Exception as e:
        print(src, '!!', type(e).__name__, e)
    else:
        print(src, '->', repr(r))


class Summer(tzinfo):
    def utcoffset(self, d):
        return timedelta(hours=2)
    def dst(self, d):
        return timedelta(hours=1)
    def tzname(self, d):
        return 'SUM'


for src in [
    "date(2020, 3, 1).timetuple()", "dt(2020, 3, 1, 4, 5, 6, 7).timetuple()",
    "dt(2020, 3, 1, 4, tzinfo=timezone.utc).timetuple()", "dt(2020, 3, 1, 4, tzinfo=Summer()).timetuple()",
    "dt(2020, 3, 1, 1, tzinfo=Summer()).utctimetuple()", "dt(2020, 3, 1, 1).utctimetuple()",
    "dt(1, 1, 1, tzinfo=Summer()).utctimetuple()", "date(2020, 12, 31).timetuple().tm_yday",
    "dt(2020, 1, 2, 3, 4, 5).timetuple()[:]",
    "dt.strptime('2020', 1)",
    "date(2020, 5, 17).strftime('%A %d %B %Y')",
]:
    t(src)
