# The datetime C API: PyDateTime_IMPORT imports the `datetime` module and
# takes its datetime_CAPI capsule.  Where the stdlib's datetime.py cannot
# be imported yet (it needs time and math), _datetime stands in for it:
# datetime.py only re-exports _datetime's names, capsule included.
import sys
try:
    import datetime
except ImportError:
    import _datetime as datetime
    sys.modules['datetime'] = datetime
import dtcapi

for row in dtcapi.layout()[0]:
    print(*row)
print(dtcapi.layout()[1:])
print(dtcapi.import_api())
print(type(datetime.datetime_CAPI).__name__)
print([t.__name__ for t in dtcapi.types()[:5]], dtcapi.types()[5] is datetime.timezone.utc)


class SubDate(datetime.date):
    pass


class SubDT(datetime.datetime):
    pass


class TZ(datetime.tzinfo):
    def utcoffset(self, dt):
        return datetime.timedelta(hours=2)
    def __repr__(self):
        return 'TZ()'


tz = TZ()
objs = [datetime.date(2020, 5, 6), datetime.datetime(2020, 5, 6, 7, 8, 9, 123456),
        datetime.datetime(2020, 5, 6, 7, 8, 9, 10, tz, fold=1), datetime.time(1, 2, 3, 456789),
        datetime.time(23, 59, 59, 999999, tz, fold=1), datetime.timedelta(-3, 5, 7),
        datetime.timedelta.max, datetime.timezone.utc, tz, SubDate(1, 2, 3), SubDT(9999, 12, 31, 23),
        datetime.date.max, datetime.datetime.min, datetime.time.max, 1, None]
for o in objs:
    print(repr(o), dtcapi.checks(o), dtcapi.fields(o))
for r in dtcapi.construct(tz, SubDate, SubDT):
    print(type(r).__name__, repr(r))
