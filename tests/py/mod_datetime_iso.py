# datetime.fromisoformat: every date form 3.11 accepts (calendar, ISO week,
# basic and extended), any separator, times with and without colons,
# fractions of any length with '.' or ',', UTC offsets in all their forms,
# and the invalid strings with their exact error messages; round trips of
# isoformat() output.
from _datetime import datetime, date, time, timedelta, timezone


def t(s):
    try:
        r = datetime.fromisoformat(s)
    except Exception as e:
        print(repr(s), '!!', type(e).__name__, e)
    else:
        print(repr(s), '->', repr(r))


cases = [
    '2020-01-02', '20200102', '2020-W01-2', '2020W012', '2020-W01', '2020W01', '2020-W53', '2021-W53',
    '2020-01-02T03', '2020-01-02T03:04', '2020-01-02T0304', '2020-01-02T03:04:05', '2020-01-02T030405',
    '2020-01-02T03:04:05.6', '2020-01-02T03:04:05.67', '2020-01-02T03:04:05.678', '2020-01-02T03:04:05.6789',
    '2020-01-02T03:04:05.67891', '2020-01-02T03:04:05.678912', '2020-01-02T03:04:05.6789123',
    '2020-01-02T03:04:05.678912345678', '2020-01-02T03:04:05,5', '2020-01-02 03:04', '2020-01-02x03:04',
    '2020-01-02\u00e903:04', '2020-01-02\ud80003:04', '2020-01-02\ud800\ud80003:04', '2020-01-0203:04',
    '2020-01-02T03:04Z', '2020-01-02T03:04+00:00', '2020-01-02T03:04-00:00', '2020-01-02T03:04+05:30',
    '2020-01-02T03:04-05:30', '2020-01-02T03:04+0530', '2020-01-02T03:04+05', '2020-01-02T03:04+05:30:15',
    '2020-01-02T03:04+05:30:15.25', '2020-01-02T03:04+053015', '2020-01-02T03:04+23:59', '2020-01-02T03:04+24:00',
    '2020-01-02T03:04-24:00', '2020-01-02T03:04+99:00', '2020-01-02T03:04:05.123+01:00', '2020-01-02T03:04:05,123-01:00',
    '20200102T030405Z', '2020W012T03', '2020-W01-2T03:04', '2020-W01-203:04', '2020W01T03', '2020W0103', '2020W01203',
    '2020W012030405', '2020-W01-12', '2020-W01-1T', '2020-W0', '2020W0',
    '2020-01-02T', '2020-01-02T3', '2020-01-02T03:4', '2020-01-02T03:04:5', '2020-01-02T03:04:05.',
    '2020-01-02T03:04:05.x', '2020-01-02T03:04:05Zx', '2020-01-02T03:04:05+', '2020-01-02T03:04:05+1',
    '2020-01-02T03:04:05+01:', '2020-01-02T03:04:05+01:2', '2020-01-02T03:0405', '2020-01-02T0304:05',
    '2020-01-02T03:04:05:06', '2020-01-02T030405.5', '2020-01-02T03:04:05 ', '2020-01-02T24:00', '2020-01-02T23:60',
    '2020-01-02T23:59:60', '2020-13-02', '2020-02-30', '0000-01-01', '2020-01-02T03:04\x00', '2020-01-02T03\x00:04',
    '', '2', '2020', '2020-', '2020-1', '2020-01', '2020-01-', '2020-01-0', '2020-1-02', '2020/01/02', '2020-01/02',
    '202001-02', '2020-0102', '2020-W', '2020-W1', '2020-W01-', '2020-W01-0', '2020-W01-8', '2020-W00-1', '2020-W54-1',
    '+2020-01-02', ' 2020-01-02', '2020-01-02 ', '2020-01-02Z', '2020-01-02T03:04+05:30Z',
    '2020-01-02T03:04:05.123456789+05:30', '2020-01-02T03:04:05-05:30:00.000001',
    '\u0662\u0660\u0662\u0660-01-02', '2020-01-02\u20ac03:04', '2020-01-02\U0001F60003:04', '20200102\u00e90304',
    '2020-W01-2\u00e903', '2020W012\u00e903', '2020-01-02\u00e9\u00e903:04', '2020-01-02\u00e9', '2020-01-02\u00e93',
    '2020-01-02\u00e9x03:04', '2020-01-02\x8003:04', '2020-01-02\u07ff03', '2020-01-0\u00e903:04',
    '2020-01-02T03:04+00:00:00.5', '2020-01-02T03:04-00:00:00.5', '2020-01-02T03:04\u00e9', 'ábcdefghijk',
]
for s in cases:
    t(s)
for s in [1, None, b'2020-01-02']:
    t(s)

# Every isoformat() timespec and offset round-trips.
zones = [None, timezone.utc, timezone(timedelta(hours=5, minutes=30)),
         timezone(-timedelta(hours=3, seconds=5)), timezone(timedelta(microseconds=-7))]
for z in zones:
    for d in [datetime(1, 1, 1, tzinfo=z), datetime(2020, 2, 29, 23, 59, 59, 999999, tzinfo=z),
              datetime(9999, 12, 31, 0, 0, 0, 1000, tzinfo=z)]:
        for spec in ['auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds']:
            s = d.isoformat(timespec=spec)
            back = datetime.fromisoformat(s)
            print(s, back == d.replace(microsecond=back.microsecond, second=back.second, minute=back.minute))
        s = d.isoformat(' ')
        print(s, datetime.fromisoformat(s) == d, time.fromisoformat(d.timetz().isoformat()) == d.timetz())


class MyDT(datetime):
    pass


print(repr(MyDT.fromisoformat('2020-01-02T03:04+01:00')), type(MyDT.fromisoformat('2020-01-02')).__name__)
print(type(MyDT.fromisoformat('2020-01-02')), type(date.fromisoformat('2020-01-02')))
