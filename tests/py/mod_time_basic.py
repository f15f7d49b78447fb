# time: struct_time, the calendar conversions of fixed timestamps, asctime
# and strftime of fixed tuples, the clocks (only properties independent of
# the moment and the machine), and the errors with their messages.  Local
# time is only compared with itself, never printed, so the test does not
# depend on the machine's time zone.
import time

def show(f, *args):
    try:
        r = f(*args)
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)
    return repr(r)

st = time.struct_time
print(st.n_sequence_fields, st.n_fields, st.n_unnamed_fields, st.__module__, st.__name__, time._STRUCT_TM_ITEMS)
for t in [0, 1, -1, 86399, 86400, 951782400, 10**9, 2**31 - 1, 2**31, -2**31, 4102444800,
          -62135596800, 253402300799, 253402300800, 1.99, -1.5, True, 2**40]:
    g = time.gmtime(t)
    print(t, g, g.tm_zone, g.tm_gmtoff, len(g), tuple(g))
g = time.gmtime(1234567890)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, g.tm_wday, g.tm_yday, g.tm_isdst)
print(g[0], g[-1], g[2:5], g[9:], g == tuple(g), isinstance(g, tuple), g.__reduce__())
print(st((2000, 1, 2, 3, 4, 5, 6, 7, 8)), st((1,) * 11).tm_zone, st([1] * 9).tm_gmtoff)
print(show(st, (1, 2)), show(st, (1,) * 12), show(st, (1,) * 9, 5))
for arg in ['x', float('nan'), float('inf'), -float('inf'), 1e20, 10**20, -10**20, 1e18, 2**63,
            9.3e18, -9.3e18, None if False else [], 2**63 - 1]:
    print('gmtime', repr(arg), show(time.gmtime, arg))
print(show(time.gmtime, 1, 2), show(time.localtime, 1, 2), show(time.ctime, 1, 2))
print(time.gmtime(None)[0] >= 2024, time.gmtime()[0] >= 2024)

# asctime and strftime of fixed tuples
tuples = [(2000, 1, 1, 0, 0, 0, 5, 1, 0), (2023, 12, 31, 23, 59, 59, 6, 365, 0),
          (1999, 2, 28, 12, 30, 45, 6, 59, -1), (5, 7, 4, 1, 2, 3, 0, 185, 1),
          (2000, 0, 0, 0, 0, 0, 0, 0, 0), (99999, 1, 1, 0, 0, 0, 0, 1, 0),
          (-2**31 + 1900, 1, 1, 0, 0, 0, 0, 1, 0), (2000, 1, 1, 0, 0, 0, 7, 1, 0),
          (2000, 1, 1, 0, 0, 61, 0, 1, 5), (2000, 1, 1, 0, 0, 0, -1, 0, -5)]
fmt = '%a %A %b %B %d %H %I %j %m %M %p %S %U %w %W %y %Y %% %e %G %V %u %C|%-d|%E'
for t in tuples:
    print(show(time.asctime, t), show(time.strftime, fmt, t))
print(time.asctime(time.gmtime(0)), time.asctime(time.gmtime(-62135596801)), time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime(1234567890)))
print(repr(time.strftime('', tuples[0])), repr(time.strftime('%', tuples[0])), time.strftime('x' * 3000, tuples[0]) == 'x' * 3000)
print(time.strftime('%Z|%z', time.gmtime(0)), time.strftime('%Z|%z', st((2000, 1, 1, 0, 0, 0, 0, 1, 0, 'ABC', 5400))))
print(time.strftime('%p' * 3, tuples[0]), time.strftime('\u00e9\u20ac %Y', tuples[0]))
bad_tuples = [(2000, 13, 1, 0, 0, 0, 0, 1, 0), (2000, 1, 32, 0, 0, 0, 0, 1, 0), (2000, 1, 1, 24, 0, 0, 0, 1, 0),
              (2000, 1, 1, 0, 60, 0, 0, 1, 0), (2000, 1, 1, 0, 0, 62, 0, 1, 0), (2000, 1, 1, 0, 0, 0, -3, 1, 0),
              (2000, 1, 1, 0, 0, 0, 0, 367, 0), (2000, -1, 1, 0, 0, 0, 0, 1, 0), (2000, 1, -1, 0, 0, 0, 0, 1, 0),
              (2**31, 1, 1, 0, 0, 0, 0, 1, 0), (-2**31, 1, 1, 0, 0, 0, 0, 1, 0), (-2**31 + 1899, 1, 1, 0, 0, 0, 0, 1, 0),
              (2000, 1, 1, 0, 0, 0, 0, 1, -2**31 - 1), (2**70, 1, 1, 0, 0, 0, 0, 1, 0), (-2**70, 1, 1, 0, 0, 0, 0, 1, 0), (1.5, 1, 1, 0, 0, 0, 0, 1, 0), ('x', 1, 1, 0, 0, 0, 0, 1, 0),
              (2000, 1, 1), (2000, 1, 1, 0, 0, 0, 0, 1, 0, 0), [2000, 1, 1, 0, 0, 0, 0, 1, 0], 5,
              st((2000, 1, 1, 0, 0, 0, 0, 1, 0, 5, 0)), st((2000, 1, 1, 0, 0, 0, 0, 1, 0, 'x', 'y')),
              st((2000, 1, 1, 0, 0, 0, 0, 1, 0, 'A', 10**30))]
for t in bad_tuples:
    print(show(time.asctime, t), '|', show(time.strftime, '%Y', t), '|', show(time.mktime, t))
print(show(time.strftime, 'a\0b', tuples[0]), show(time.strftime, 5), show(time.strftime), show(time.strftime, '', 1, 2))
print(show(time.asctime, 1, 2), show(time.mktime), show(time.mktime, 1, 2))

# local time: round trips only
for t in [0, 10**9, 1234567890, 2**31 - 1, 1700000000]:
    lt = time.localtime(t)
    print(time.mktime(lt) == t, time.ctime(t) == time.asctime(lt), type(lt).__name__,
          type(lt.tm_zone).__name__, type(lt.tm_gmtoff).__name__, lt.tm_isdst in (0, 1))
print(show(time.ctime, 1e18), show(time.localtime, -1e18), show(time.localtime, 'x'))
print(type(time.mktime((2000, 1, 1, 0, 0, 0, 0, 1, -1))).__name__, type(time.ctime()).__name__, len(time.asctime()))
print(type(time.timezone).__name__, type(time.altzone).__name__, time.daylight in (0, 1),
      type(time.tzname).__name__, len(time.tzname), time.tzset(), type(time.localtime()).__name__)

# clocks
for name in ['time', 'monotonic', 'perf_counter', 'process_time', 'thread_time']:
    info = time.get_clock_info(name)
    f = getattr(time, name)
    fns = getattr(time, name + '_ns')
    a = f(); b = f(); an = fns(); bn = fns()
    print(name, info, type(a).__name__, type(an).__name__, (b >= a) or not info.monotonic,
          (bn >= an) or not info.monotonic, a > 0 or name.endswith('time') and a >= 0)
print(show(time.get_clock_info, 'x'), show(time.get_clock_info), show(time.get_clock_info, 1), show(time.get_clock_info, 'a', 'b'))
print(show(time.time, 1), show(time.monotonic_ns, 1), show(time.tzset, 1))
print(abs(time.time() - time.time_ns() / 1e9) < 5, abs(time.clock_gettime(time.CLOCK_REALTIME) - time.time()) < 5)
print(time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.CLOCK_MONOTONIC_RAW, time.CLOCK_PROCESS_CPUTIME_ID,
      time.CLOCK_THREAD_CPUTIME_ID, time.CLOCK_BOOTTIME, time.CLOCK_TAI)
print(type(time.clock_gettime(time.CLOCK_MONOTONIC)).__name__, type(time.clock_gettime_ns(time.CLOCK_MONOTONIC)).__name__,
      time.clock_getres(time.CLOCK_MONOTONIC), time.clock_getres(time.CLOCK_REALTIME))
print(show(time.clock_gettime, 999), show(time.clock_getres, 999), show(time.clock_gettime_ns, -5),
      show(time.clock_gettime, 'x'), show(time.clock_gettime, 1.5), show(time.clock_gettime, 2**40),
      show(time.clock_gettime, -2**40), show(time.clock_gettime, 2**70))
print(show(time.clock_gettime), show(time.clock_gettime, 1, 2), show(time.clock_settime, 1), show(time.clock_getres))
# clock_settime on an invalid clock only: never change the real clock
print(show(time.clock_settime, 999, 0), show(time.clock_settime_ns, 999, 0), show(time.clock_settime_ns, 999, 1.5),
      show(time.clock_settime, 999, 'x'), show(time.clock_settime_ns, 999, 10**30), show(time.clock_settime, 999, 1e300))
print(show(time.pthread_getcpuclockid, 'x'), show(time.pthread_getcpuclockid))

# sleep
t0 = time.monotonic()
time.sleep(0.01)
print(time.monotonic() - t0 >= 0.009)
for arg in [0, 0.0, -0.0, True, 1e-10, -1, -1e-10, 'x', float('nan'), 1e300, 10**30, None]:
    print('sleep', repr(arg), show(time.sleep, arg))
print(show(time.sleep), show(time.sleep, 1, 2))
