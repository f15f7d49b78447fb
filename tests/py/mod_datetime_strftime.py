# strftime and __format__ for date, time and datetime: every C-library
# directive, the %z/%Z/%f expansions done by the module, '%' edge cases,
# non-ASCII formats, and tzname/utcoffset errors raised through them.
from _datetime import datetime, date, time, timedelta, timezone, tzinfo


class Named(tzinfo):
    def __init__(self, name, off=timedelta(hours=-3, minutes=-30)):
        self.name, self.off = name, off
    def utcoffset(self, dt):
        return self.off
    def tzname(self, dt):
        return self.name
    def dst(self, dt):
        return None


def t(src):
    try:
        r = eval(src, globals())
    except Exception as e:
        print(src, '!!', type(e).__name__, e)
    else:
        print(src, '->', repr(r))


dt = datetime(2021, 3, 7, 14, 5, 9, 42, tzinfo=timezone(timedelta(hours=5, minutes=45), 'NPT'))
directives = 'aAbBcdHIjmMpSUwWxXyYGuV%'
for c in directives:
    for obj in (date(2021, 3, 7), time(14, 5, 9, 42), dt, datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59, 59)):
        print(c, repr(obj.strftime('%' + c)))
for src in [
    "dt.strftime('%z %Z %f')", "dt.strftime('%%z %%Z %%f %%%z')", "dt.strftime('%')", "dt.strftime('abc%')",
    "dt.strftime('%%')", "dt.strftime('%Q')", "dt.strftime('')", "dt.strftime('%Y' * 300)[:20]",
    "len(dt.strftime('x' * 5000))", "dt.strftime('\u00e9\u00e8 %Y \u4e2d\u6587 %Z \U0001F600')",
    "datetime(2021, 1, 1, tzinfo=Named('A%zB')).strftime('%Z')", "datetime(2021, 1, 1, tzinfo=Named('%%')).strftime('[%Z]')",
    "datetime(2021, 1, 1, tzinfo=Named(None)).strftime('[%Z][%z]')", "datetime(2021, 1, 1, tzinfo=Named(5)).strftime('%Z')",
    "datetime(2021, 1, 1, tzinfo=Named(5)).strftime('%Y')", "datetime(2021, 1, 1, tzinfo=Named('x', 5)).strftime('%z')",
    "datetime(2021, 1, 1, tzinfo=Named('x', None)).strftime('[%z]')",
    "datetime(2021, 1, 1, tzinfo=Named('\u00e9t\u00e9')).strftime('%Z')",
    "time(1, tzinfo=Named('T')).strftime('%Z %z %H')", "time(1).strftime('%Y %m %d %j %a %w')",
    "date(2021, 1, 1).strftime('%H %M %S %f %z %Z')", "datetime(2021, 1, 1, 0, 0, 0, 5).strftime('%f')",
    "format(dt, '%Y-%m')", "format(dt, '')", "'{:%H:%M}'.format(time(7, 8))", "f'{date(2021, 1, 2):%d %b}'",
    "format(dt, 'invalid %')", "dt.__format__('')", "dt.__format__(b'')", "time(1).__format__(None)",
    "dt.strftime()", "dt.strftime('%Y', 1)", "dt.strftime(format='%Y')", "dt.strftime(None)",
    "time(1).strftime(fmt='%H')", "date(2021, 1, 1).strftime('%Y', x=1)",
]:
    t(src)

for f in ['a\x00b', '%Y\x00%m', '\udcff%Y', '\ud800']:
    try:
        print(repr(date(2020, 1, 2).strftime(f)))
    except Exception as e:
        print(type(e).__name__, e)
