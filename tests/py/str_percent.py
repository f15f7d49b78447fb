print("%s %r %a" % ("é", "é", "é"))
print("%d %i %u" % (42, -42, 7), "%d" % True, "%d" % 3.99, "%i" % -0.5)
print("%x %X %o %#x %#X %#o" % (255, 255, 8, 255, 255, 8), "%x" % -255, "%#x" % -255)
print("%5d|%-5d|%05d|%+d|% d|%+05d|%.3d|%8.3d|%-8.3d|" % (42, 42, 42, 42, 42, 42, 5, -5, 5))
print("%e %E %f %F %g %G" % (1.5, 1.5, 1.5, 1.5, 1.5, 1.5))
print("%.2e %.0f %#.0f %.3g %#g %g %g" % (12345.678, 2.5, 2.0, 0.0001234, 1.0, 1e20, 1e-5))
print("%10.3f|%-10.3f|%010.3f|%+.1f|% .1f" % (3.14159, 3.14159, -3.14159, 2.0, 2.0))
print("%f %f %f %F %e" % (float("inf"), float("-inf"), float("nan"), float("inf"), float("nan")))
print("%010f|%-10f|%+f" % (float("inf"), float("nan"), float("inf")))
print("%c%c%c" % (65, "€", 0x1F600), "%5c|%-5c|" % ("a", "b"))
print("%s|%5s|%-5s|%.2s|%5.1s|" % ("abc", "abc", "abc", "abc", "abc"))
print("%(a)s %(b)d %(a)r" % {"a": "x", "b": 2}, "%(x)s" % {"x": [1, 2]}, "%s" % {"k": 1}, "%s" % [1, 2])
print("%*d|%-*d|%.*f|%*.*f" % (5, 1, 5, 1, 2, 3.14159, 8, 1, 2.5))
print("%%|%s%%" % "x", "%" "s" % "y", "no args" % (), "%s" % (1,), "%s" % ((1, 2),))
print("%ld %lx %hd" % (5, 255, 3))
print("%s" % "😀", "%r" % "😀", "%a" % "😀", "%.1r" % "ab")
class N:
    def __int__(self): return 7
    def __index__(self): return 8
    def __float__(self): return 1.25
print("%d %x %f" % (N(), N(), N()))
class R:
    def __repr__(self): return "R()"
    def __str__(self): return "S()"
print("%s %r" % (R(), R()))
tests = [("%d", "a"), ("%s %s", (1,)), ("%s", (1, 2)), ("%c", "ab"), ("%c", 0x110000), ("%c", -1), ("%(a)s", 1),
         ("%z", 1), ("%", ()), ("%(a", {"a": 1}), ("%*d", ("a", 1)), ("%x", 1.5), ("%.*f", ("x", 1.0)),
         ("%(a)s", {}), ("%d", None), ("%f", "x"), ("%c", 1.5), ("%o", "x"), ("abc%", 1), ("%é", 1), ("%s %(a)s", {"a": 1})]
for fmt, args in tests:
    try:
        print(repr(fmt % args))
    except Exception as e:
        print(type(e).__name__, e)
