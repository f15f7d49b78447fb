# The pure-Python datetime (Lib/datetime.py) on top of the math and time
# modules: construction, arithmetic, formatting, time zones and errors.
# The C _datetime is hidden so the Python implementation is the one tested.
import sys
sys.modules['_datetime'] = None   # the pure-Python implementation
import datetime
from datetime import date, datetime as dt, timedelta, timezone, time as dtime
print(datetime.date.__module__, datetime.MINYEAR, datetime.MAXYEAR)
d = date(2024, 2, 29)
print(d, repr(d), d.weekday(), d.isoweekday(), d.isocalendar(), d.toordinal(), d.timetuple())
print(d + timedelta(days=366), d - date(2000, 1, 1), d.replace(year=2028), d.strftime('%A %d %B %Y'), d.ctime())
print(date.fromordinal(738000), date.fromisoformat('2021-03-04'), date.fromtimestamp(86400 * 365.25 * 30).year >= 1999)
t = dt(2023, 12, 31, 23, 59, 59, 999999)
print(t, repr(t), t + timedelta(microseconds=1), t.isoformat(), t.strftime('%Y-%m-%d %H:%M:%S.%f'))
u = dt(2020, 5, 17, 12, 0, tzinfo=timezone.utc)
print(u, u.timestamp(), u.astimezone(timezone(timedelta(hours=-5))), u.utcoffset(), u.tzname())
print(dt.fromtimestamp(0, timezone.utc), dt.utcfromtimestamp(1234567890), dt.fromisoformat('2011-11-04T00:05:23+04:00'))
print(timedelta(days=1, hours=-3, microseconds=5), timedelta(weeks=-1) * 1.5, timedelta(hours=36).total_seconds(), abs(timedelta(-1)))
print(dtime(13, 45, 7, 123), dtime(1, 2).isoformat('minutes'), timezone(timedelta(hours=5, minutes=30)))
print(dt.now().year >= 2024, dt.utcnow().year >= 2024, date.today().year >= 2024, type(dt.now(timezone.utc).timestamp()).__name__)
print(dt(2000, 1, 1) < dt(2000, 1, 2), hash(date(2000, 1, 1)) == hash(date(2000, 1, 1)), sorted([date(2001, 1, 1), date(1999, 5, 5)]))
for bad in [lambda: date(2023, 2, 29), lambda: dt(2000, 13, 1), lambda: timedelta(days=10**10), lambda: date(0, 1, 1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
